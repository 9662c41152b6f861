package io.parley.support.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * {@link RedisScripts}, and shared connections opened at start, for every service that
 * talks to Redis.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(LettuceConnectionFactory.class)
public class RedisSupportAutoConfiguration {

    @Bean
    @ConditionalOnBean(LettuceConnectionFactory.class)
    @ConditionalOnMissingBean
    RedisScripts redisScripts(LettuceConnectionFactory connectionFactory) {
        return new RedisScripts(connectionFactory);
    }

    @Bean
    @ConditionalOnBean(LettuceConnectionFactory.class)
    SharedConnectionWarmUp sharedRedisConnectionWarmUp(LettuceConnectionFactory connectionFactory) {
        return new SharedConnectionWarmUp(connectionFactory);
    }

}
