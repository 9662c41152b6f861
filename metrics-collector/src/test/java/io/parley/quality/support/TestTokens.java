package io.parley.quality.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Join tokens signed with a key generated for this test JVM, and (as a configuration source for the application)
 * the decoder that makes the collector trust exactly that key instead of fetching meeting-service's JWKS.
 */
public final class TestTokens {

    private static final RSAKey KEY = RsaKeys.generate();
    private static final JoinTokenSigner SIGNER = new JoinTokenSigner(KEY, "parley");

    public static String token(String meetingId, String participantId) {
        return sign(meetingId, participantId, Instant.now().plus(Duration.ofHours(1)));
    }

    public static String expiredToken(String meetingId, String participantId) {
        return sign(meetingId, participantId, Instant.now().minus(Duration.ofHours(1)));
    }

    /** A well-formed token signed by a key the collector does not trust. */
    public static String forgedToken(String meetingId, String participantId) {
        JoinToken claims = new JoinToken("user-" + participantId, meetingId, participantId, "Forger", Role.PARTICIPANT,
                UUID.randomUUID().toString(), Instant.now(), Instant.now().plusSeconds(3600));
        return new JoinTokenSigner(RsaKeys.generate(), "parley").sign(claims);
    }

    private static String sign(String meetingId, String participantId, Instant expiresAt) {
        return SIGNER.sign(new JoinToken("user-" + participantId, meetingId, participantId, "Ada", Role.PARTICIPANT,
                UUID.randomUUID().toString(), expiresAt.minus(Duration.ofHours(2)), expiresAt));
    }

    /** Not a @Configuration, so component scanning of the application never picks it up unasked. */
    public static class TrustTestKey {

        @Bean
        ReactiveJwtDecoder testKeyDecoder() {
            return RsaKeys.decoderFor(KEY, "parley");
        }
    }
}
