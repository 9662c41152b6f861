package io.parley.tokens.access;

import io.parley.tokens.JoinTokenVerifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/**
 * An access-token verifier for every service, with keys from people-service's JWKS (fetched on first use and again
 * for an unknown {@code kid}). Its decoder is not a bean: the join-token decoder is the one {@code ReactiveJwtDecoder}
 * of a service. people-service, which holds the keys, supplies its own verifier.
 */
@AutoConfiguration
@EnableConfigurationProperties(AccessTokenProperties.class)
public class AccessTokensAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AccessTokenVerifier accessTokenVerifier(AccessTokenProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
        decoder.setJwtValidator(JoinTokenVerifier.validator(properties.issuer()));
        return new AccessTokenVerifier(decoder);
    }
}
