package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.InvalidTokenException;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.JoinTokenVerifier;
import io.parley.tokens.RevocationList;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * Tokens as meeting-service and every other service see them: the service refuses bad
 * tokens with 401, and a verifier built like the other services' (keys from the JWKS
 * endpoint, revocations from Redis) agrees with it.
 */
class JoinTokenIT {

    private static RunningMeetingService service;

    private static WebTestClient client;

    private static MeetingApiClient api;

    private static LettuceConnectionFactory redis;

    /**
     * What the gateway and the other services run: keys fetched from the JWKS,
     * revocations from Redis.
     */
    private static JoinTokenVerifier elsewhere;

    @BeforeAll
    static void start() {
        service = RunningMeetingService.start("--parley.meetings.tokens.lifetime=2h");
        client = service.client();
        api = new MeetingApiClient(client);
        RedisServerProcess server = SharedInfrastructure.redis();
        redis = new LettuceConnectionFactory(server.host(), server.port());
        redis.afterPropertiesSet();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
            .withJwkSetUri(service.baseUrl() + "/.well-known/jwks.json")
            .build();
        decoder.setJwtValidator(JoinTokenVerifier.validator("parley"));
        elsewhere = new JoinTokenVerifier(decoder,
                new RevocationList(new ReactiveStringRedisTemplate(redis), Duration.ofHours(12), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        redis.destroy();
        service.close();
    }

    @Test
    void signsTokensWithTheParleyClaimsAndTheConfiguredLifetime() throws Exception {
        var created = api.create("Ada");
        var grace = api.join(created.meetingId(), "Grace");

        var claims = SignedJWT.parse(grace.token()).getJWTClaimsSet();
        assertThat(SignedJWT.parse(grace.token()).getHeader().getKeyID())
            .isEqualTo(RunningMeetingService.KEY.getKeyID());
        assertThat(claims.getStringClaim("mid")).isEqualTo(created.meetingId());
        assertThat(claims.getStringClaim("pid")).isEqualTo(grace.participantId());
        assertThat(claims.getStringClaim("name")).isEqualTo("Grace");
        assertThat(claims.getStringClaim("role")).isEqualTo("participant");
        assertThat(claims.getSubject()).startsWith("guest:");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getIssuer()).isEqualTo("parley");
        assertThat(claims.getAudience()).containsExactly("parley");
        assertThat(claims.getExpirationTime().toInstant()).isCloseTo(Instant.now().plus(2, ChronoUnit.HOURS),
                within(1, ChronoUnit.MINUTES));
        assertThat(SignedJWT.parse(created.hostToken()).getJWTClaimsSet().getStringClaim("role")).isEqualTo("host");
        StepVerifier.create(elsewhere.verify(grace.token())).expectNextCount(1).verifyComplete();
    }

    @Test
    void servesThePublicKeysWithTheirKid() throws Exception {
        String body = client.get()
            .uri("/.well-known/jwks.json")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectHeader()
            .value("Cache-Control", value -> assertThat(value).contains("max-age"))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();

        JWKSet keys = JWKSet.parse(body);
        assertThat(keys.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getKeyID()).isEqualTo(RunningMeetingService.KEY.getKeyID());
            assertThat(key.isPrivate()).isFalse();
        });
        assertThat(body).doesNotContain("\"d\"");
    }

    @Test
    void refusesExpiredForeignUnsignedAndGarbageTokensWith401() {
        var created = api.create("Ada");
        String id = created.meetingId();
        Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
        JoinToken hostClaims = new JoinToken("guest:x", id, created.hostId(), "Ada", Role.HOST,
                UUID.randomUUID().toString(), past.minusSeconds(3600), past);
        String expired = RunningMeetingService.signer().sign(hostClaims);
        JoinToken valid = new JoinToken("guest:x", id, created.hostId(), "Ada", Role.HOST, UUID.randomUUID().toString(),
                Instant.now(), Instant.now().plusSeconds(600));
        String foreign = new JoinTokenSigner(RsaKeys.generate(), "parley").sign(valid);
        String otherIssuer = new JoinTokenSigner(RunningMeetingService.KEY, "someone-else").sign(valid);
        String unsigned = unsigned(RunningMeetingService.signer().sign(valid));

        for (String token : List.of(expired, foreign, otherIssuer, unsigned, "garbage", "a.b.c", "x".repeat(4000))) {
            api.post("/api/meetings/{id}/lock", token, id)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value("WWW-Authenticate", value -> assertThat(value).startsWith("Bearer"));
        }
        api.post("/api/meetings/{id}/lock", null, id).expectStatus().isUnauthorized();
        client.post()
            .uri("/api/meetings/{id}/lock", id)
            .header("Authorization", "Basic YWRhOmFkYQ==")
            .exchange()
            .expectStatus()
            .isUnauthorized();
        assertThat(api.get(id)).containsEntry("state", "open");
    }

    @Test
    void aRemovedParticipantsTokenIsRefusedEverywhere() {
        var created = api.create("Ada");
        var grace = api.join(created.meetingId(), "Grace");
        StepVerifier.create(elsewhere.verify(grace.token())).expectNextCount(1).verifyComplete();

        api.delete("/api/meetings/{id}/participants/{pid}", created.hostToken(), created.meetingId(),
                grace.participantId())
            .expectStatus()
            .isNoContent();

        StepVerifier.create(elsewhere.verify(grace.token())).verifyError(InvalidTokenException.class);
        api.delete("/api/meetings/{id}/participants/{pid}", grace.token(), created.meetingId(), grace.participantId())
            .expectStatus()
            .isUnauthorized();
        StepVerifier.create(elsewhere.verify(created.hostToken())).expectNextCount(1).verifyComplete();
    }

    @Test
    void endingTheMeetingRevokesEveryTokenOfIt() {
        var created = api.create("Ada");
        var grace = api.join(created.meetingId(), "Grace");

        api.post("/api/meetings/{id}/end", created.hostToken(), created.meetingId()).expectStatus().isNoContent();

        StepVerifier.create(elsewhere.verify(grace.token())).verifyError(InvalidTokenException.class);
        StepVerifier.create(elsewhere.verify(created.hostToken())).verifyError(InvalidTokenException.class);
    }

    /** The same claims with {@code alg: none} and no signature. */
    private static String unsigned(String signed) {
        String[] parts = signed.split("\\.");
        String header = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

}
