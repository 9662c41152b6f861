package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.parley.harness.JanusServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signaling drives a real Janus: two instances put a meeting in one room, a publisher's
 * offer is answered, bad input is refused without a crash, nothing is left in Janus once
 * everyone left, and a Janus that died and came back gives the meeting a new room. Janus
 * announces a publisher to the room only once its media is up, so what subscribers are
 * offered is proven with browsers (e2e-tests SfuIT).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SfuSignalingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static TestKeys keys;

    private static JanusServerProcess janus;

    private static ServiceProcess a;

    private static ServiceProcess b;

    @BeforeAll
    static void start() {
        keys = new TestKeys();
        janus = JanusServerProcess.startOnFreePorts(dir);
        String[] sfu = { "--parley.signaling.leases.enabled=false", "--parley.signaling.sfu.mode=sfu",
                "--parley.signaling.sfu.instances[0].api=" + janus.apiUri(),
                "--parley.signaling.sfu.instances[0].admin=" + janus.adminUri(),
                "--parley.signaling.sfu.instances[0].websocket=" + janus.websocketUri(),
                "--parley.signaling.sfu.api-secret=" + janus.apiSecret(),
                "--parley.signaling.sfu.admin-secret=" + janus.adminSecret() };
        a = ServiceProcess.signaling("sfu-a", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), sfu);
        b = ServiceProcess.signaling("sfu-b", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), sfu);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        janus.close();
        keys.close();
    }

    private static SignalingClient join(ServiceProcess instance, String meetingId, String name) {
        SignalingClient client = SignalingClient.connect(instance.port(),
                keys.sign(keys.participant(meetingId, name, Role.PARTICIPANT)));
        assertThat(client.welcome().path("media").path("mode").asString()).isEqualTo("sfu");
        return client;
    }

    @Test
    @Order(1)
    void participantsOnTwoInstancesJoinOneRoomAndNothingIsLeftInJanusWhenTheyLeave() {
        String meetingId = "m-" + UUID.randomUUID();
        try (SignalingClient ada = join(a, meetingId, "Ada"); SignalingClient grace = join(b, meetingId, "Grace")) {
            ada.send(publish(SyntheticSdp.publishOffer()));
            assertThat(ada.await("sfu-answer").path("sdp").asString()).startsWith("v=0");
            grace.send("{\"type\":\"sfu-publish\",\"sdp\":null}");

            await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(rooms()).singleElement()
                    .satisfies(room -> assertThat(room.path("num_participants").asInt()).isEqualTo(2)));
            assertThat(participantHandles()).isEqualTo(2);
            assertThat(grace.all("error")).isEmpty();
            assertThat(ada.all("error")).isEmpty();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(rooms()).isEmpty();
            assertThat(participantHandles()).isZero();
        });
    }

    @Test
    @Order(2)
    void refusesWhatIsNotASessionDescriptionAndAnAnswerToNoOfferWithoutClosing() {
        String meetingId = "m-" + UUID.randomUUID();
        try (SignalingClient ada = join(a, meetingId, "Ada")) {
            ada.send("{\"type\":\"sfu-publish\",\"sdp\":\"hello\"}");
            assertThat(ada.await("error").path("code").asString()).isEqualTo("invalid-field");
            ada.send("{\"type\":\"sfu-publish\",\"sdp\":\"v=0\\r\\nm=nonsense\"}");
            assertThat(ada.await("error", error -> error.path("code").asString().equals("sfu-refused"))
                .path("message")
                .asString()).contains("media server refused");
            ada.send("{\"type\":\"sfu-start\",\"sdp\":\"v=0\\r\\n\"}");
            ada.send("{\"type\":\"sfu-publish\",\"sdp\":null,\"screen\":\"../../etc\"}");
            ada.send("{\"type\":\"sfu-publish\",\"sdp\":42}");
            await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(ada.all("error")).extracting(error -> error.path("code").asString())
                    .containsExactly("invalid-field", "sfu-refused", "sfu-refused", "invalid-field", "invalid-field"));

            ada.send(publish(SyntheticSdp.publishOffer()));
            assertThat(ada.await("sfu-answer").path("sdp").asString()).startsWith("v=0");
            assertThat(ada.isOpen()).isTrue();
        }
    }

    @Test
    @Order(3)
    void aKilledJanusIsReportedAndTheMeetingGetsANewRoomOnceItIsBack() {
        String meetingId = "m-" + UUID.randomUUID();
        try (SignalingClient ada = join(a, meetingId, "Ada")) {
            ada.send(publish(SyntheticSdp.publishOffer()));
            ada.await("sfu-answer");

            janus.kill();
            assertThat(ada.await("error").path("code").asString()).isEqualTo("sfu-unavailable");
            janus.start();

            ada.send(publish(SyntheticSdp.publishOffer()));
            await().atMost(Duration.ofSeconds(20)).until(() -> ada.all("sfu-answer").size() == 2);
            assertThat(rooms()).singleElement()
                .satisfies(room -> assertThat(room.path("num_participants").asInt()).isEqualTo(1));
        }
    }

    private static String publish(String sdp) {
        return JSON.createObjectNode().put("type", "sfu-publish").put("sdp", sdp).toString();
    }

    private static List<JsonNode> rooms() {
        JsonNode reply = admin("{\"janus\":\"message_plugin\",\"plugin\":\"janus.plugin.videoroom\","
                + "\"request\":{\"request\":\"list\"}}", "");
        return reply.path("response").path("list").valueStream().toList();
    }

    /**
     * Publisher and subscriber handles in Janus (the instances' control handles have no
     * VideoRoom role).
     */
    private static long participantHandles() {
        long handles = 0;
        for (JsonNode session : admin("{\"janus\":\"list_sessions\"}", "").path("sessions")) {
            for (JsonNode handle : admin("{\"janus\":\"list_handles\"}", "/" + session.asLong()).path("handles")) {
                String type = admin("{\"janus\":\"handle_info\"}", "/" + session.asLong() + "/" + handle.asLong())
                    .path("info")
                    .path("plugin_specific")
                    .path("type")
                    .asString("");
                if (type.equals("publisher") || type.equals("subscriber")) {
                    handles++;
                }
            }
        }
        return handles;
    }

    private static JsonNode admin(String request, String path) {
        String body = JSON.readTree(request)
            .deepCopy()
            .toString()
            .replaceFirst("\\{",
                    "{\"transaction\":\"" + UUID.randomUUID() + "\",\"admin_secret\":\"" + janus.adminSecret() + "\",");
        HttpRequest post = HttpRequest.newBuilder(URI.create(janus.adminUri() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        return JSON.readTree(HTTP.sendAsync(post, HttpResponse.BodyHandlers.ofString())
            .orTimeout(10, TimeUnit.SECONDS)
            .join()
            .body());
    }

}
