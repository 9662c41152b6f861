package io.parley.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.parley.gateway.GatewayProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker and time limit per route, all with the settings of
 * {@code parley.gateway.resilience}; without this the library's default time limit (1 s)
 * would apply.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(GatewayProperties properties) {
        GatewayProperties.Resilience resilience = properties.resilience();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
            .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(resilience.timeout()).build())
            .circuitBreakerConfig(CircuitBreakerConfig.custom()
                .slidingWindowSize(resilience.slidingWindowSize())
                .minimumNumberOfCalls(resilience.minimumCalls())
                .failureRateThreshold(resilience.failureRateThreshold())
                .waitDurationInOpenState(resilience.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(3)
                .build())
            .build());
    }

}
