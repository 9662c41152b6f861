package io.parley.recording.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import io.parley.tokens.access.AccessToken;
import io.parley.tokens.access.AccessTokenSigner;
import io.parley.tokens.access.AccessTokenVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Join and access tokens signed with keys generated for this test JVM, and (as a
 * configuration source for the application) the decoders that make the service trust
 * exactly those keys instead of fetching meeting-service's and people-service's JWKS.
 */
public final class TestTokens {

    private static final RSAKey KEY = RsaKeys.generate();

    private static final RSAKey PEOPLE_KEY = RsaKeys.generate();

    private TestTokens() {
    }

    public static String host(String meetingId, String participantId) {
        return join(KEY, meetingId, participantId, Role.HOST);
    }

    public static String participant(String meetingId, String participantId) {
        return join(KEY, meetingId, participantId, Role.PARTICIPANT);
    }

    /** A host's join token signed by a key the service does not trust. */
    public static String forgedHost(String meetingId, String participantId) {
        return join(RsaKeys.generate(), meetingId, participantId, Role.HOST);
    }

    public static JoinToken claims(String meetingId, String participantId, Role role) {
        Instant now = Instant.now();
        return new JoinToken("user-" + participantId, meetingId, participantId, "Ada", role,
                UUID.randomUUID().toString(), now, now.plus(Duration.ofHours(1)));
    }

    public static String sign(JoinToken claims) {
        return new JoinTokenSigner(KEY, "parley").sign(claims);
    }

    private static String join(RSAKey key, String meetingId, String participantId, Role role) {
        return new JoinTokenSigner(key, "parley").sign(claims(meetingId, participantId, role));
    }

    public static String account(String accountId) {
        return account(accountId, List.of());
    }

    /**
     * An account with a role ({@code owner}, {@code admin}, {@code member}) in one org.
     */
    public static String account(String accountId, String orgId, String role) {
        return account(accountId, List.of(new AccessToken.Membership(orgId, role)));
    }

    private static String account(String accountId, List<AccessToken.Membership> orgs) {
        Instant now = Instant.now();
        return new AccessTokenSigner(PEOPLE_KEY, "parley").sign(new AccessToken(accountId, "Grace", orgs,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), now, now.plusSeconds(900)));
    }

    /**
     * Not a @Configuration, so component scanning of the application never picks it up
     * unasked.
     */
    public static class TrustTestKeys {

        @Bean
        ReactiveJwtDecoder testKeyDecoder() {
            return RsaKeys.decoderFor(KEY, "parley");
        }

        @Bean
        AccessTokenVerifier testAccessTokenVerifier() {
            return new AccessTokenVerifier(RsaKeys.decoderFor(PEOPLE_KEY, "parley"));
        }

    }

}
