package io.parley.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;

/** A test signing key, its JWKS served by a live server, and valid join tokens signed with it. */
final class TestTokens {

    static final RSAKey KEY = RsaKeys.generate();
    static final JoinTokenSigner SIGNER = new JoinTokenSigner(KEY, "parley");

    private static StubBackend keys;

    private TestTokens() {
    }

    static synchronized String jwksUri() {
        if (keys == null) {
            keys = StubBackend.start("keys", "keys", Duration.ZERO,
                    Map.of("/.well-known/jwks.json", new JWKSet(KEY.toPublicJWK()).toString()));
        }
        return keys.uri() + "/.well-known/jwks.json";
    }

    static JoinToken token(String subject, Role role, Instant expiresAt) {
        return new JoinToken(subject, "m-1", "p-" + UUID.randomUUID(), "Ada", role, UUID.randomUUID().toString(),
                expiresAt.minusSeconds(3600), expiresAt);
    }

    static String valid(String subject) {
        return SIGNER.sign(token(subject, Role.HOST, Instant.now().plusSeconds(600)));
    }

    static String bearer(String subject) {
        return "Bearer " + valid(subject);
    }
}
