package io.parley.quality.support;

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
 * Join tokens and access tokens signed with keys generated for this test JVM, and (as a
 * configuration source for the application) the decoders that make the collector trust
 * exactly those keys instead of fetching meeting-service's and people-service's JWKS.
 */
public final class TestTokens {

    private static final RSAKey KEY = RsaKeys.generate();

    private static final JoinTokenSigner SIGNER = new JoinTokenSigner(KEY, "parley");

    private static final RSAKey PEOPLE_KEY = RsaKeys.generate();

    private TestTokens() {
    }

    /**
     * The join token of a participant whose token subject is the given account (someone
     * who joined signed in).
     */
    public static String token(String meetingId, String participantId, String accountId) {
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        return SIGNER.sign(new JoinToken(accountId, meetingId, participantId, "Ada", Role.PARTICIPANT,
                UUID.randomUUID().toString(), expiresAt.minus(Duration.ofHours(2)), expiresAt));
    }

    /** An access token of the account, as people-service signs it. */
    public static String accessToken(String accountId) {
        return accessToken(accountId, List.of());
    }

    /**
     * An access token of an account with the given role ({@code owner}, {@code admin},
     * {@code member}) in one organization.
     */
    public static String accessToken(String accountId, String orgId, String role) {
        return accessToken(accountId, List.of(new AccessToken.Membership(orgId, role)));
    }

    private static String accessToken(String accountId, List<AccessToken.Membership> orgs) {
        Instant now = Instant.now();
        return new AccessTokenSigner(PEOPLE_KEY, "parley").sign(new AccessToken(accountId, "Grace", orgs,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), now, now.plusSeconds(900)));
    }

    /** An access token people-service never signed. */
    public static String forgedAccessToken(String accountId) {
        Instant now = Instant.now();
        return new AccessTokenSigner(RsaKeys.generate(), "parley").sign(new AccessToken(accountId, "Mallory", List.of(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), now, now.plusSeconds(900)));
    }

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

    /**
     * Not a @Configuration, so component scanning of the application never picks it up
     * unasked.
     */
    public static class TrustTestKey {

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
