package io.parley.gateway.headers;

import java.time.Duration;
import java.util.List;

import io.parley.gateway.GatewayProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin API access, only for the origins an operator lists; the web client itself
 * is same-origin.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${parley.gateway.cors.allowed-origins:}'.isEmpty()")
class CorsConfiguration {

    @Bean
    CorsWebFilter corsWebFilter(GatewayProperties properties) {
        org.springframework.web.cors.CorsConfiguration cors = new org.springframework.web.cors.CorsConfiguration();
        cors.setAllowedOrigins(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Api-Key"));
        cors.setExposedHeaders(List.of("Retry-After", "X-RateLimit-Remaining"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new CorsWebFilter(source);
    }

}
