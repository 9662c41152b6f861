package io.parley.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import reactor.test.StepVerifier;

class JoinTokenVerifierIT {

    private static final RSAKey KEY = RsaKeys.generate();

    private static LettuceConnectionFactory connections;

    private static RevocationList revocations;

    private static JoinTokenVerifier verifier;

    private final JoinTokenSigner signer = new JoinTokenSigner(KEY, "parley");

    @BeforeAll
    static void connect() {
        RedisServerProcess redis = SharedInfrastructure.redis();
        connections = new LettuceConnectionFactory(redis.host(), redis.port());
        connections.afterPropertiesSet();
        revocations = new RevocationList(new ReactiveStringRedisTemplate(connections), Duration.ofHours(1),
                Clock.systemUTC());
        verifier = new JoinTokenVerifier(RsaKeys.decoderFor(KEY, "parley"), revocations);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    private static JoinToken token(Role role, Instant expiresAt) {
        return new JoinToken("user-1", "m-" + UUID.randomUUID(), "p-1", "Ada", role, UUID.randomUUID().toString(),
                expiresAt.minusSeconds(3600), expiresAt);
    }

    @Test
    void acceptsAValidTokenAndReadsItsClaims() {
        JoinToken issued = token(Role.HOST, Instant.now().plusSeconds(600));

        StepVerifier.create(verifier.verify(signer.sign(issued))).assertNext(token -> {
            assertThat(token.subject()).isEqualTo("user-1");
            assertThat(token.meetingId()).isEqualTo(issued.meetingId());
            assertThat(token.participantId()).isEqualTo("p-1");
            assertThat(token.name()).isEqualTo("Ada");
            assertThat(token.isHost()).isTrue();
            assertThat(token.id()).isEqualTo(issued.id());
        }).verifyComplete();
    }

    @Test
    void readsTheTokenFromTheHeaderOrTheAccessTokenParameter() {
        String raw = signer.sign(token(Role.PARTICIPANT, Instant.now().plusSeconds(600)));

        StepVerifier
            .create(verifier.verify(MockServerHttpRequest.get("/x").header("Authorization", "Bearer " + raw).build()))
            .expectNextCount(1)
            .verifyComplete();
        StepVerifier.create(verifier.verify(MockServerHttpRequest.get("/x?access_token=" + raw).build()))
            .expectNextCount(1)
            .verifyComplete();
        StepVerifier.create(verifier.verify(MockServerHttpRequest.get("/x").build()))
            .verifyErrorSatisfies(error -> assertUnauthorized(error, "A join token is required."));
    }

    @Test
    void rejectsAnExpiredToken() {
        String raw = signer.sign(token(Role.HOST, Instant.now().minusSeconds(600)));

        StepVerifier.create(verifier.verify(raw))
            .verifyErrorSatisfies(error -> assertUnauthorized(error, "The token has expired."));
    }

    @Test
    void rejectsATokenSignedByAnotherKey() {
        String raw = new JoinTokenSigner(RsaKeys.generate(), "parley")
            .sign(token(Role.HOST, Instant.now().plusSeconds(600)));

        StepVerifier.create(verifier.verify(raw))
            .verifyErrorSatisfies(error -> assertUnauthorized(error, "The token is not valid."));
    }

    @Test
    void rejectsATokenOfAnotherIssuer() {
        String raw = new JoinTokenSigner(KEY, "elsewhere").sign(token(Role.HOST, Instant.now().plusSeconds(600)));

        StepVerifier.create(verifier.verify(raw))
            .verifyErrorSatisfies(error -> assertUnauthorized(error, "The token is not valid."));
    }

    @Test
    void rejectsGarbage() {
        for (String garbage : new String[] { "", "abc", "a.b.c", "x".repeat(10_000) }) {
            StepVerifier.create(verifier.verify(garbage))
                .verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(InvalidTokenException.class));
        }
    }

    @Test
    void rejectsRevokedTokensParticipantsAndEndedMeetings() {
        JoinToken revokedToken = token(Role.PARTICIPANT, Instant.now().plusSeconds(600));
        revocations.revokeToken(revokedToken).block();
        JoinToken removed = token(Role.PARTICIPANT, Instant.now().plusSeconds(600));
        revocations.revokeParticipant(removed.meetingId(), removed.participantId()).block();
        JoinToken ended = token(Role.HOST, Instant.now().plusSeconds(600));
        revocations.revokeMeeting(ended.meetingId()).block();

        for (JoinToken token : new JoinToken[] { revokedToken, removed, ended }) {
            StepVerifier.create(verifier.verify(signer.sign(token)))
                .verifyErrorSatisfies(error -> assertUnauthorized(error, "The token was revoked."));
        }
    }

    private static void assertUnauthorized(Throwable error, String reason) {
        assertThat(error).isInstanceOf(InvalidTokenException.class);
        InvalidTokenException invalid = (InvalidTokenException) error;
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(invalid.reason()).isEqualTo(reason);
        assertThat(invalid.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

}
