package io.parley.quality.token;

import java.time.Clock;

import io.parley.quality.QualityProperties;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.RevocationList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The shared verifier (JWKS keys, Redis revocations), in front of which the collector
 * keeps verified tokens.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    JoinTokenVerifier joinTokenVerifier(ReactiveJwtDecoder decoder, RevocationList revocations,
            QualityProperties properties, Clock clock) {
        return new JoinTokenVerifier(new CachingJwtDecoder(decoder, properties.verifiedTokenCacheSize(),
                properties.verifiedTokenCacheTtl(), clock), revocations);
    }

}
