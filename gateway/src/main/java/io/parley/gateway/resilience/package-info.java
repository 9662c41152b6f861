/**
 * One circuit breaker and time limit per route, and the 503 problem that a refused, slow
 * or short-circuited backend call becomes.
 */
package io.parley.gateway.resilience;
