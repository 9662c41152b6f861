package io.parley.people.token;

import java.time.Clock;

import io.parley.people.PeopleProperties;
import io.parley.tokens.access.AccessTokenProperties;
import io.parley.tokens.access.AccessTokenSigner;
import io.parley.tokens.access.AccessTokenVerifier;
import io.parley.tokens.keys.KeyFiles;
import io.parley.tokens.keys.SigningKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * people-service holds the access-token keys: it signs with the newest and verifies
 * against all of them directly, without fetching its own JWKS over HTTP. Its verifier
 * replaces the JWKS-backed one of the tokens library. The keys are its own (a directory
 * apart from meeting-service's), so neither service can mint the other's tokens.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    SigningKeys accessTokenKeys(PeopleProperties properties, Clock clock) {
        PeopleProperties.Tokens tokens = properties.tokens();
        return tokens.keysDir() != null ? KeyFiles.load(tokens.keysDir())
                : KeyFiles.loadOrGenerate(tokens.dataDir().resolve("people"), clock);
    }

    @Bean
    AccessTokenSigner accessTokenSigner(SigningKeys keys, AccessTokenProperties tokens) {
        return new AccessTokenSigner(keys.current(), tokens.issuer());
    }

    @Bean
    AccessTokenVerifier accessTokenVerifier(SigningKeys keys, AccessTokenProperties tokens) {
        return new AccessTokenVerifier(keys.decoder(tokens.issuer()));
    }

}
