package io.parley.tokens;

import java.time.Clock;

import io.parley.tokens.keys.RemoteJwkSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A verifier for every service: keys from meeting-service's JWKS (fetched once, fetched
 * again for an unknown {@code kid} at most every
 * {@code parley.tokens.jwks-min-refetch-interval}, so rotated keys are picked up and
 * forged ones cost nothing), revocations from Redis. meeting-service, which holds the
 * keys, supplies its own decoder instead.
 */
@AutoConfiguration
@EnableConfigurationProperties(JoinTokenProperties.class)
public class JoinTokensAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder joinTokenDecoder(JoinTokenProperties properties, ObjectProvider<Clock> clock) {
        return RemoteJwkSet
            .fetchedFrom(properties.jwksUri(), properties.jwksMinRefetchInterval(),
                    clock.getIfAvailable(Clock::systemUTC))
            .decoder(properties.issuer());
    }

    @Bean
    @ConditionalOnMissingBean
    RevocationList revocationList(ReactiveStringRedisTemplate redis, JoinTokenProperties properties,
            ObjectProvider<Clock> clock) {
        return new RevocationList(redis, properties.maxLifetime(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    JoinTokenVerifier joinTokenVerifier(ReactiveJwtDecoder decoder, RevocationList revocations) {
        return new JoinTokenVerifier(decoder, revocations);
    }

}
