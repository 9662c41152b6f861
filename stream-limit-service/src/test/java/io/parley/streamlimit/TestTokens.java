package io.parley.streamlimit;

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
 * Join tokens for tests: a key generated per test JVM, and (as an extra configuration
 * source of the application) a decoder that trusts it. Not a {@code @Configuration}, so
 * component scanning never picks it up unasked.
 */
public class TestTokens {

    public static final RSAKey KEY = RsaKeys.generate();

    /** Signed with a key the service does not trust. */
    public static final RSAKey OTHER_KEY = RsaKeys.generate();

    @Bean
    ReactiveJwtDecoder testJoinTokenDecoder() {
        return RsaKeys.decoderFor(KEY, "parley");
    }

    public static String token(String userId, String meetingId, String participantId) {
        return sign(KEY, userId, meetingId, participantId, Duration.ofHours(1));
    }

    public static String sign(RSAKey key, String userId, String meetingId, String participantId, Duration lifetime) {
        Instant now = Instant.now();
        return new JoinTokenSigner(key, "parley").sign(new JoinToken(userId, meetingId, participantId, "Ada",
                Role.PARTICIPANT, UUID.randomUUID().toString(), now.minusSeconds(5), now.plus(lifetime)));
    }

}
