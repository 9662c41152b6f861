package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.parley.harness.RedisServerProcess;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.RevocationList;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

class GatewayTokenIT {

    @TempDir
    static Path redisDir;

    private static RedisServerProcess redis;

    private static StubBackend backend;

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.startOnFreePort(redisDir);
        backend = StubBackend.start("meeting-service");
        gateway = RunningGateway.start(redis,
                StubBackend.serviceArgs(backend.uri(), backend.uri(), backend.uri(), backend.uri()),
                "--parley.gateway.services.people-service=" + backend.uri());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.close();
        redis.stop();
    }

    private static JoinToken token(String subject, Role role, Instant expiresAt) {
        return TestTokens.token(subject, role, expiresAt);
    }

    private static String valid(String subject) {
        return TestTokens.valid(subject);
    }

    @Test
    void routesAHostControlWithAValidToken() {
        gateway.client()
            .post()
            .uri("/api/meetings/m-1/mute-all")
            .header("Authorization", "Bearer " + valid("u-ok"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Parley-Service", "meeting-service");
    }

    @Test
    void refusesAHostControlWithoutATokenBeforeReachingTheService() {
        gateway.client()
            .post()
            .uri("/api/meetings/m-1/end")
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals("X-Parley-Service", "gateway")
            .expectHeader()
            .valueMatches("WWW-Authenticate", "Bearer.*")
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("A join token is required.");
    }

    @Test
    void refusesExpiredForgedAndGarbageTokens() {
        String expired = TestTokens.SIGNER.sign(token("u-x", Role.HOST, Instant.now().minusSeconds(600)));
        String forged = new JoinTokenSigner(RsaKeys.generate(), "parley")
            .sign(token("u-x", Role.HOST, Instant.now().plusSeconds(600)));
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1LXgiLCJtaWQiOiJtLTEifQ.";
        for (String bad : new String[] { expired, forged, unsigned, "garbage" }) {
            gateway.client()
                .post()
                .uri("/api/streams")
                .header("Authorization", "Bearer " + bad)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void refusesARevokedToken() {
        JoinToken removed = token("u-removed", Role.PARTICIPANT, Instant.now().plusSeconds(600));
        new RevocationList(gateway.bean(ReactiveStringRedisTemplate.class), Duration.ofHours(1), Clock.systemUTC())
            .revokeParticipant(removed.meetingId(), removed.participantId())
            .block();

        gateway.client()
            .get()
            .uri("/api/streams")
            .header("Authorization", "Bearer " + TestTokens.SIGNER.sign(removed))
            .exchange()
            .expectStatus()
            .isUnauthorized()
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("The token was revoked.");
    }

    @Test
    void leavesATokenOfAnEndedMeetingToTheServiceToAnswer() {
        Instant expiry = Instant.now().plusSeconds(600);
        // a meeting of its own: the other tests' tokens are all for m-1
        JoinToken host = new JoinToken("u-ended-host", "m-ended", "p-ended-host", "Ada", Role.HOST, "jti-ended-host",
                expiry.minusSeconds(3600), expiry);
        new RevocationList(gateway.bean(ReactiveStringRedisTemplate.class), Duration.ofHours(1), Clock.systemUTC())
            .revokeMeeting(host.meetingId())
            .block();

        gateway.client()
            .post()
            .uri("/api/meetings/" + host.meetingId() + "/mute-all")
            .header("Authorization", "Bearer " + TestTokens.SIGNER.sign(host))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Parley-Service", "meeting-service");
    }

    @Test
    void acceptsTheTokenAsAccessTokenParameterOnTheSignalingSocket() {
        ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();
        String greeting = client
            .execute(URI.create("ws://127.0.0.1:" + gateway.port() + "/ws/signaling?access_token=" + valid("u-ws")),
                    session -> session.receive().next().map(message -> message.getPayloadAsText()).doOnNext(text -> {
                        assertThat(text).startsWith("hello from");
                    }).then())
            .then(Mono.just("connected"))
            .block(Duration.ofSeconds(10));
        assertThat(greeting).isEqualTo("connected");

        gateway.client()
            .get()
            .uri("/ws/signaling?access_token=garbage")
            .header("Upgrade", "websocket")
            .header("Connection", "Upgrade")
            .header("Sec-WebSocket-Version", "13")
            .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
            .exchange()
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void leavesOpenPathsAndApiKeyRequestsToTheService() {
        gateway.client()
            .post()
            .uri("/api/meetings")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk();
        gateway.client().post().uri("/api/streams").header("X-Api-Key", "k").exchange().expectStatus().isOk();
    }

}
