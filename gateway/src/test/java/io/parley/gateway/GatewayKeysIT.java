package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import org.junit.jupiter.api.Test;

/**
 * The gateway's copy of the signing keys (PLATFORM.md §4.1): a token with an unknown
 * {@code kid} makes it fetch the JWKS again, but never more than once per
 * {@code jwks-min-refetch-interval}.
 */
class GatewayKeysIT {

    private static final String JWKS = "/.well-known/jwks.json";

    private static Map<String, String> published(RSAKey... keys) {
        Map<String, String> bodies = new ConcurrentHashMap<>();
        bodies.put(JWKS, jwks(keys));
        return bodies;
    }

    private static String jwks(RSAKey... keys) {
        return new JWKSet(List.of(keys).stream().map(key -> (JWK) key.toPublicJWK()).toList()).toString();
    }

    private static RunningGateway gateway(StubBackend keys, StubBackend backend, String refetchInterval) {
        String jwksUri = keys.uri() + JWKS;
        return RunningGateway.start(SharedInfrastructure.redis(),
                StubBackend.serviceArgs(backend.uri(), backend.uri(), backend.uri(), backend.uri()),
                "--parley.tokens.jwks-uri=" + jwksUri, "--parley.access-tokens.jwks-uri=" + jwksUri,
                "--parley.tokens.jwks-min-refetch-interval=" + refetchInterval,
                "--parley.access-tokens.jwks-min-refetch-interval=" + refetchInterval,
                "--parley.gateway.rate-limit.enabled=false");
    }

    private static String signedBy(RSAKey key, String subject) {
        return "Bearer " + new JoinTokenSigner(key, "parley")
            .sign(TestTokens.token(subject, Role.HOST, Instant.now().plusSeconds(600)));
    }

    /**
     * Each made-up kid used to cost meeting-service a JWKS request: a flood of forged
     * tokens was amplified onto it.
     */
    @Test
    void fetchesTheKeysOnceForAFloodOfTokensWithUnknownKeyIds() {
        RSAKey key = RsaKeys.generate();
        try (StubBackend keys = StubBackend.start("meeting-service", "keys", Duration.ZERO, published(key));
                StubBackend backend = StubBackend.start("stream-limit-service");
                RunningGateway gateway = gateway(keys, backend, "1h")) {
            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", signedBy(key, "u-real"))
                .exchange()
                .expectStatus()
                .isOk();

            for (int i = 0; i < 20; i++) {
                gateway.client()
                    .get()
                    .uri("/api/streams")
                    .header("Authorization", signedBy(RsaKeys.generate(), "u-x"))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("The token is not valid.");
            }

            assertThat(keys.hits(JWKS)).isEqualTo(1);
        }
    }

    @Test
    void picksUpARotatedKeyOnceTheIntervalHasPassed() {
        RSAKey old = RsaKeys.generate();
        RSAKey rotated = RsaKeys.generate();
        Map<String, String> bodies = published(old);
        try (StubBackend keys = StubBackend.start("meeting-service", "keys", Duration.ZERO, bodies);
                StubBackend backend = StubBackend.start("stream-limit-service");
                RunningGateway gateway = gateway(keys, backend, "0s")) {
            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", signedBy(old, "u-before"))
                .exchange()
                .expectStatus()
                .isOk();

            bodies.put(JWKS, jwks(old, rotated));

            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", signedBy(rotated, "u-after"))
                .exchange()
                .expectStatus()
                .isOk();
            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", signedBy(old, "u-still"))
                .exchange()
                .expectStatus()
                .isOk();
            assertThat(keys.hits(JWKS)).isEqualTo(2);
        }
    }

}
