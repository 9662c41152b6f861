package io.parley.meeting.token;

import java.time.Clock;

import io.parley.meeting.MeetingProperties;
import io.parley.tokens.JoinTokenProperties;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.keys.KeyFiles;
import io.parley.tokens.keys.SigningKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * meeting-service holds the keys, so it signs with the newest and verifies against all of
 * them directly, without fetching its own JWKS over HTTP. Its decoder replaces the
 * JWKS-backed one of the join-tokens library; the library's {@code JoinTokenVerifier}
 * (revocations included) is used unchanged on top.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    SigningKeys signingKeys(MeetingProperties properties, Clock clock) {
        MeetingProperties.Tokens tokens = properties.tokens();
        return tokens.keysDir() != null ? KeyFiles.load(tokens.keysDir())
                : KeyFiles.loadOrGenerate(tokens.dataDir(), clock);
    }

    @Bean
    JoinTokenSigner joinTokenSigner(SigningKeys keys, JoinTokenProperties tokens) {
        return new JoinTokenSigner(keys.current(), tokens.issuer());
    }

    @Bean
    ReactiveJwtDecoder joinTokenDecoder(SigningKeys keys, JoinTokenProperties tokens) {
        return keys.decoder(tokens.issuer());
    }

}
