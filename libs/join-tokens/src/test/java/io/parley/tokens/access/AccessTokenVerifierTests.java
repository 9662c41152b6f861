package io.parley.tokens.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class AccessTokenVerifierTests {

    private static final RSAKey KEY = RsaKeys.generate();

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final AccessTokenVerifier accessVerifier = new AccessTokenVerifier(RsaKeys.decoderFor(KEY, "parley"));

    private final JoinTokenVerifier joinVerifier = new JoinTokenVerifier(RsaKeys.decoderFor(KEY, "parley"), null);

    private final AccessToken access = new AccessToken("acc-1", "Ada",
            List.of(new AccessToken.Membership("org-1", "owner")), "session-1", "jti-1", NOW, NOW.plusSeconds(900));

    @Test
    void acceptsAnAccessTokenWithEveryClaim() {
        String token = new AccessTokenSigner(KEY, "parley").sign(access);

        StepVerifier.create(accessVerifier.verify(token)).assertNext(verified -> {
            assertThat(verified).isEqualTo(access);
            assertThat(verified.roleIn("org-1")).contains("owner");
            assertThat(verified.roleIn("org-2")).isEmpty();
        }).verifyComplete();
    }

    @Test
    void refusesAJoinTokenWhereAnAccessTokenIsRequiredEvenUnderTheSameKey() {
        String joinToken = new JoinTokenSigner(KEY, "parley")
            .sign(new JoinToken("acc-1", "m-1", "p-1", "Ada", Role.HOST, "jti-2", NOW, NOW.plusSeconds(900)));

        StepVerifier.create(accessVerifier.verify(joinToken))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidTokenException.class)
                .extracting(e -> ((InvalidTokenException) e).reason())
                .isEqualTo("Not an access token."))
            .verify();
    }

    @Test
    void refusesAnAccessTokenWhereAJoinTokenIsRequiredEvenUnderTheSameKey() {
        String token = new AccessTokenSigner(KEY, "parley").sign(access);

        StepVerifier.create(joinVerifier.verify(token))
            .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidTokenException.class)
                .extracting(e -> ((InvalidTokenException) e).reason())
                .isEqualTo("Not a join token."))
            .verify();
    }

    @Test
    void refusesAnExpiredAccessToken() {
        String token = new AccessTokenSigner(KEY, "parley").sign(new AccessToken("acc-1", "Ada", List.of(), "session-1",
                "jti-3", NOW.minusSeconds(3600), NOW.minusSeconds(1800)));

        StepVerifier.create(accessVerifier.verify(token))
            .expectErrorSatisfies(error -> assertThat(((InvalidTokenException) error).reason())
                .isEqualTo("The access token has expired."))
            .verify();
    }

}
