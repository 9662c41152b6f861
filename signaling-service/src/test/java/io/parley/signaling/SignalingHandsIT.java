package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hand} and {@code lower-hand} between two signaling instances: the hand's time is
 * the server's, a host lowers anyone's hand wherever its socket is, anyone else is told
 * no.
 */
class SignalingHandsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestKeys keys;

    private static ServiceProcess a;

    private static ServiceProcess b;

    @BeforeAll
    static void start() {
        keys = new TestKeys();
        a = ServiceProcess.signaling("hands-a", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), "--parley.signaling.leases.enabled=false");
        b = ServiceProcess.signaling("hands-b", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), "--parley.signaling.leases.enabled=false");
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        keys.close();
    }

    private static String meeting() {
        return "m-" + UUID.randomUUID();
    }

    private static SignalingClient join(ServiceProcess instance, JoinToken token) {
        SignalingClient client = SignalingClient.connect(instance.port(), keys.sign(token));
        client.welcome();
        return client;
    }

    private static double refusals(ServiceProcess instance, String code) {
        HttpRequest request = HttpRequest
            .newBuilder(URI
                .create(instance.baseUrl() + "/actuator/metrics/parley.signaling.client.errors?tag=code:" + code))
            .build();
        String body = HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .orTimeout(10, TimeUnit.SECONDS)
            .join()
            .body();
        return JSON.readTree(body).path("measurements").path(0).path("value").asDouble();
    }

    private static JsonNode updateOf(SignalingClient client, String participantId, boolean raised) {
        return client
            .await("participant-updated",
                    update -> update.path("participant").path("participantId").asString().equals(participantId)
                            && update.path("participant").path("raisedAt").isNumber() == raised)
            .path("participant");
    }

    @Test
    void handsAreOrderedByServerTimeAndAHostLowersThemOnAnyInstance() {
        String meetingId = meeting();
        JoinToken first = keys.participant(meetingId, "Grace", Role.PARTICIPANT);
        JoinToken second = keys.participant(meetingId, "Linus", Role.PARTICIPANT);
        try (SignalingClient host = join(a, keys.participant(meetingId, "Ada", Role.HOST));
                SignalingClient grace = join(b, first);
                SignalingClient linus = join(a, second)) {
            grace.send("{\"type\":\"hand\",\"raised\":true}");
            long graceAt = updateOf(host, first.participantId(), true).path("raisedAt").asLong();
            linus.send("{\"type\":\"hand\",\"raised\":true}");
            long linusAt = updateOf(host, second.participantId(), true).path("raisedAt").asLong();
            assertThat(graceAt).isLessThanOrEqualTo(linusAt);

            try (SignalingClient late = join(b, keys.participant(meetingId, "Barbara", Role.PARTICIPANT))) {
                assertThat(late.welcome().path("participants").findValues("raisedAt")).extracting(JsonNode::asLong)
                    .contains(graceAt, linusAt);
            }

            host.send("{\"type\":\"lower-hand\",\"participantId\":\"" + first.participantId() + "\"}");
            JsonNode lowered = updateOf(grace, first.participantId(), false);
            assertThat(lowered.path("raisedAt").isNull()).isTrue();
            assertThat(lowered.path("name").asString()).isEqualTo("Grace");
            updateOf(host, first.participantId(), false);

            linus.send("{\"type\":\"hand\",\"raised\":false}");
            updateOf(host, second.participantId(), false);
        }
    }

    @Test
    void aReconnectingParticipantKeepsItsHandAndIsToldSo() {
        String meetingId = meeting();
        JoinToken guestToken = keys.participant(meetingId, "Grace", Role.PARTICIPANT);
        try (SignalingClient host = join(a, keys.participant(meetingId, "Ada", Role.HOST))) {
            long raisedAt;
            try (SignalingClient guest = join(b, guestToken)) {
                guest.send("{\"type\":\"hand\",\"raised\":true}");
                raisedAt = updateOf(guest, guestToken.participantId(), true).path("raisedAt").asLong();
                // the new socket replaces the old one before the old one is gone, as a
                // client reconnecting after a network change does
                try (SignalingClient again = join(a, guestToken)) {
                    assertThat(updateOf(again, guestToken.participantId(), true).path("raisedAt").asLong())
                        .isEqualTo(raisedAt);
                    JsonNode rejoined = host.await("participant-joined",
                            joined -> joined.path("participant").path("raisedAt").isNumber());
                    assertThat(rejoined.path("participant").path("raisedAt").asLong()).isEqualTo(raisedAt);
                }
            }
        }
    }

    @Test
    void refusesLowerHandFromANonHostAndBadHandMessagesWithErrorsAndKeepsTheSocketOpen() {
        String meetingId = meeting();
        JoinToken hostToken = keys.participant(meetingId, "Ada", Role.HOST);
        try (SignalingClient host = join(a, hostToken);
                SignalingClient guest = join(b, keys.participant(meetingId, "Grace", Role.PARTICIPANT))) {
            host.send("{\"type\":\"hand\",\"raised\":true}");
            updateOf(guest, hostToken.participantId(), true);

            guest.send("{\"type\":\"lower-hand\",\"participantId\":\"" + hostToken.participantId() + "\"}");
            guest.send("{\"type\":\"hand\",\"raised\":\"yes\"}");
            guest.send("{\"type\":\"hand\"}");
            guest.send("{\"type\":\"lower-hand\",\"participantId\":\"" + "p".repeat(65) + "\"}");
            guest.send("{\"type\":\"lower-hand\"}");
            guest.send("{\"type\":\"ping\"}");
            guest.await("pong");
            host.send("{\"type\":\"lower-hand\",\"participantId\":\"p-not-here\"}");
            host.send("{\"type\":\"ping\"}");
            host.await("pong");

            assertThat(guest.all("error")).extracting(error -> error.path("code").asString())
                .containsExactly("host-only", "invalid-field", "missing-field", "invalid-field", "missing-field");
            assertThat(guest.all("error").get(0).path("message").asString()).contains("Only a host");
            assertThat(host.all("error")).extracting(error -> error.path("code").asString())
                .containsExactly("unknown-participant");
            assertThat(guest.isOpen()).isTrue();
            assertThat(host.all("participant-updated")).noneMatch(update -> update.path("participant")
                .path("participantId")
                .asString()
                .equals(hostToken.participantId()) && update.path("participant").path("raisedAt").isNull());
            assertThat(refusals(b, "host-only")).isEqualTo(1.0);
        }
    }

    @Test
    void closesWith1009OnAnOversizedHandMessage() {
        try (SignalingClient client = join(a, keys.participant(meeting(), "Ada", Role.HOST))) {
            client.send("{\"type\":\"lower-hand\",\"participantId\":\"" + "p".repeat(70 * 1024) + "\"}");

            assertThat(client.awaitClose()).isEqualTo(1009);
        }
    }

}
