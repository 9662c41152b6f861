package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stream leases against the real stream-limit-service, with a limit of one stream per
 * user.
 */
class SignalingLeaseIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestKeys keys;

    private static ServiceProcess streamLimit;

    private static ServiceProcess signaling;

    @BeforeAll
    static void start() {
        keys = new TestKeys();
        streamLimit = ServiceProcess.streamLimit(SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), "--parley.streams.limit=1");
        signaling = ServiceProcess.signaling("lease-a", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), "--parley.signaling.leases.stream-limit-uri=" + streamLimit.baseUrl(),
                "--parley.signaling.leases.renew-interval=1s");
    }

    @AfterAll
    static void stop() {
        signaling.close();
        streamLimit.close();
        keys.close();
    }

    private static JoinToken asUser(String subject, String meetingId) {
        JoinToken token = keys.participant(meetingId, "Ada", Role.PARTICIPANT);
        return new JoinToken(subject, token.meetingId(), token.participantId(), token.name(), token.role(), token.id(),
                Instant.now().minusSeconds(5), Instant.now().plusSeconds(3600));
    }

    private static JsonNode activeStreams(JoinToken token) throws Exception {
        HttpResponse<String> response = HTTP
            .send(HttpRequest.newBuilder(URI.create(streamLimit.baseUrl() + "/api/streams"))
                .header("Authorization", "Bearer " + keys.sign(token))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void holdsALeaseWhileConnectedClosesWith4409OverTheLimitAndReleasesOnLeave() throws Exception {
        String user = "user-" + UUID.randomUUID();
        JoinToken first = asUser(user, "m-" + UUID.randomUUID());
        JoinToken second = asUser(user, "m-" + UUID.randomUUID());

        try (SignalingClient connected = SignalingClient.connect(signaling.port(), keys.sign(first))) {
            connected.welcome();
            assertThat(activeStreams(first).toString()).contains(first.meetingId() + ":" + first.participantId());

            try (SignalingClient refused = SignalingClient.connect(signaling.port(), keys.sign(second))) {
                assertThat(refused.awaitClose()).isEqualTo(4409);
                refused.assertNothingOf("welcome");
            }
        }

        Awaitility.await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(() -> assertThat(activeStreams(first).toString()).doesNotContain(first.participantId()));
        try (SignalingClient admitted = SignalingClient.connect(signaling.port(), keys.sign(second))) {
            admitted.welcome();
        }
    }

    private static int streams(String method, JoinToken token, String path) throws Exception {
        String streamId = token.meetingId() + ":" + token.participantId();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(streamLimit.baseUrl() + path))
            .header("Authorization", "Bearer " + keys.sign(token))
            .header("Content-Type", "application/json");
        request = "POST".equals(method)
                ? request.POST(HttpRequest.BodyPublishers
                    .ofString("{\"streamId\":\"other-" + streamId + "\",\"meetingId\":\"" + token.meetingId() + "\"}"))
                : request.method(method, HttpRequest.BodyPublishers.noBody());
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void loseLease(JoinToken token) throws Exception {
        assertThat(streams("DELETE", token, "/api/streams/" + token.meetingId() + ":" + token.participantId()))
            .isEqualTo(200);
    }

    @Test
    void takesALostLeaseAgain() throws Exception {
        JoinToken token = asUser("user-" + UUID.randomUUID(), "m-" + UUID.randomUUID());
        try (SignalingClient connected = SignalingClient.connect(signaling.port(), keys.sign(token))) {
            connected.welcome();

            loseLease(token);

            Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(activeStreams(token).toString())
                    .contains(token.meetingId() + ":" + token.participantId()));
            assertThat(connected.isOpen()).isTrue();
        }
    }

    @Test
    void closesWith4409WhenALostLeaseCannotBeTakenAgain() throws Exception {
        JoinToken token = asUser("user-" + UUID.randomUUID(), "m-" + UUID.randomUUID());
        try (SignalingClient connected = SignalingClient.connect(signaling.port(), keys.sign(token))) {
            connected.welcome();

            // another stream of the same person takes the only place while this socket's
            // lease is gone
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
                streams("DELETE", token, "/api/streams/" + token.meetingId() + ":" + token.participantId());
                return streams("POST", token, "/api/streams") == 201;
            });

            assertThat(connected.awaitClose()).isEqualTo(4409);
        }
    }

    @Test
    void reconnectingParticipantKeepsItsOneLease() throws Exception {
        JoinToken token = asUser("user-" + UUID.randomUUID(), "m-" + UUID.randomUUID());
        try (SignalingClient first = SignalingClient.connect(signaling.port(), keys.sign(token))) {
            first.welcome();
            try (SignalingClient again = SignalingClient.connect(signaling.port(), keys.sign(token))) {
                again.welcome();
                assertThat(first.awaitClose()).isEqualTo(4001);
            }
        }
    }

}
