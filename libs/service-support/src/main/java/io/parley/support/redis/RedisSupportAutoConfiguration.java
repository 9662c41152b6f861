package io.parley.support.redis;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@link RedisScripts}, shared connections opened at start and Redis's memory as metrics,
 * for every service that talks to Redis.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(LettuceConnectionFactory.class)
public class RedisSupportAutoConfiguration {

    @Bean
    @ConditionalOnBean(LettuceConnectionFactory.class)
    @ConditionalOnMissingBean
    RedisScripts redisScripts(LettuceConnectionFactory connectionFactory) {
        return new RedisScripts(connectionFactory);
    }

    @Bean
    @ConditionalOnBean({ LettuceConnectionFactory.class, MeterRegistry.class })
    RedisMemoryMetrics redisMemoryMetrics(LettuceConnectionFactory connectionFactory, MeterRegistry registry) {
        return new RedisMemoryMetrics(connectionFactory, registry);
    }

    @Bean
    @ConditionalOnBean(LettuceConnectionFactory.class)
    SharedConnectionWarmUp sharedRedisConnectionWarmUp(LettuceConnectionFactory connectionFactory) {
        return new SharedConnectionWarmUp(connectionFactory);
    }

}
