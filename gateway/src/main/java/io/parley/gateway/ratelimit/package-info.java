/**
 * The per-client request budget: a token bucket in Redis per verified subject or client
 * address, shared by every gateway instance, answered with 429 and {@code Retry-After}
 * when spent.
 */
package io.parley.gateway.ratelimit;
