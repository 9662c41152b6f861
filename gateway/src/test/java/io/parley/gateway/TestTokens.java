package io.parley.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import io.parley.tokens.access.AccessToken;
import io.parley.tokens.access.AccessTokenSigner;

/**
 * A test signing key, its JWKS served by a live server, and valid join and access tokens
 * signed with it. One key signs both kinds (the gateway reads the same JWKS for each), so
 * only the tokens' {@code typ} keeps them apart.
 */
final class TestTokens {

    static final RSAKey KEY = RsaKeys.generate();
    static final JoinTokenSigner SIGNER = new JoinTokenSigner(KEY, "parley");
    static final AccessTokenSigner ACCESS_SIGNER = new AccessTokenSigner(KEY, "parley");

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

    static AccessToken accessToken(String accountId, Instant expiresAt) {
        return new AccessToken(accountId, "Ada", List.of(new AccessToken.Membership("o-1", "owner")),
                "s-" + UUID.randomUUID(), UUID.randomUUID().toString(), expiresAt.minusSeconds(900), expiresAt);
    }

    static String access(String accountId) {
        return ACCESS_SIGNER.sign(accessToken(accountId, Instant.now().plusSeconds(900)));
    }

}
