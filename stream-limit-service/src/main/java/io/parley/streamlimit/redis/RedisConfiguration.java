package io.parley.streamlimit.redis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.streamlimit.StreamLimitProperties;
import io.parley.streamlimit.StreamMetrics;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    /**
     * While the connection is down, Lettuce would queue commands and send them after
     * reconnecting, so a start the caller was told failed (503) could still take a lease
     * later. Rejecting them instead keeps "503" meaning "no lease was taken".
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return builder -> builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    CircuitBreakerRegistry redisCircuitBreakerRegistry(StreamLimitProperties properties, MeterRegistry meters) {
        StreamLimitProperties.CircuitBreaker settings = properties.circuitBreaker();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .failureRateThreshold(settings.failureRateThreshold())
            .slidingWindowSize(settings.slidingWindowSize())
            .minimumNumberOfCalls(settings.minimumCalls())
            .waitDurationInOpenState(settings.openStateWait())
            .permittedNumberOfCallsInHalfOpenState(3)
            .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    RedisGuard redisGuard(CircuitBreakerRegistry registry, StreamMetrics metrics) {
        CircuitBreaker circuitBreaker = registry.circuitBreaker("redis");
        return new RedisGuard(circuitBreaker, metrics);
    }

}
