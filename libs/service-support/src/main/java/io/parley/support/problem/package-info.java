/**
 * RFC 9457 problem details for every error a service answers, raised in a controller or
 * anywhere else, and the one "unavailable, retry later" (503 with {@code Retry-After}) of
 * all services.
 */
package io.parley.support.problem;
