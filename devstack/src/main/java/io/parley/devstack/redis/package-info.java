/**
 * Which {@code redis-server} to run: the installed one, else the binary bundled in
 * embedded-redis.
 */
package io.parley.devstack.redis;
