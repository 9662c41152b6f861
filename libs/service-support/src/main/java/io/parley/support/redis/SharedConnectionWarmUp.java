package io.parley.support.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Opens the connection factory's shared connections while the application starts. Spring
 * Data Redis opens them on first use, and waits for the connect: a first use on an event
 * loop (a reactive template call, the Redis health check) blocked that loop and every
 * request on it. Once open, Lettuce reconnects in the background after an outage, without
 * blocking callers. Redis unreachable at start does not stop the application (it answers
 * with its Redis failure policy and is not ready); the first use then connects, as
 * before.
 */
class SharedConnectionWarmUp implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SharedConnectionWarmUp.class);

    private final LettuceConnectionFactory connectionFactory;

    SharedConnectionWarmUp(LettuceConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!connectionFactory.getShareNativeConnection()) {
            return;
        }
        try (ReactiveRedisConnection reactive = connectionFactory.getReactiveConnection();
                RedisConnection blocking = connectionFactory.getConnection()) {
            log.debug("Shared Redis connections open");
        }
        catch (RuntimeException unreachable) {
            log.warn("Redis is not reachable at start; the first call will connect: {}", unreachable.toString());
        }
    }

}
