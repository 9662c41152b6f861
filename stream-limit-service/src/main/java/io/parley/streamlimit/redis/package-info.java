/**
 * The circuit breaker that every Redis call of the lease path goes through, so a dead
 * Redis is a quick 503.
 */
package io.parley.streamlimit.redis;
