package io.parley.tokens.access;

import java.time.Clock;

import io.parley.tokens.keys.RemoteJwkSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * An access-token verifier for every service, with keys from people-service's JWKS
 * (fetched on first use and again for an unknown {@code kid}, at most every
 * {@code parley.access-tokens.jwks-min-refetch-interval}). Its decoder is not a bean: the
 * join-token decoder is the one {@code ReactiveJwtDecoder} of a service. people-service,
 * which holds the keys, supplies its own verifier.
 */
@AutoConfiguration
@EnableConfigurationProperties(AccessTokenProperties.class)
public class AccessTokensAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessTokenVerifier accessTokenVerifier(AccessTokenProperties properties, ObjectProvider<Clock> clock) {
        return new AccessTokenVerifier(RemoteJwkSet
            .fetchedFrom(properties.jwksUri(), properties.jwksMinRefetchInterval(),
                    clock.getIfAvailable(Clock::systemUTC))
            .decoder(properties.issuer()));
    }

}
