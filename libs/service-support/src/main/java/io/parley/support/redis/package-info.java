/**
 * Redis for every service that uses it: Lua scripts read and hashed once and run with
 * {@code EVALSHA}, and the shared connections opened at start rather than on an event
 * loop.
 */
package io.parley.support.redis;
