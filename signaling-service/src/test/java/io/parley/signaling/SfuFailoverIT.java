package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.parley.harness.JanusServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Janus instance killed under a meeting: everyone in it is told at once, and when they
 * publish again (as the web client does on its own) the meeting goes on in one new room
 * on the instance that is left, although participants on two signaling instances find the
 * dead room at the same moment.
 */
class SfuFailoverIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private static TestKeys keys;

    private static JanusServerProcess first;

    private static JanusServerProcess second;

    private static ServiceProcess a;

    private static ServiceProcess b;

    @BeforeAll
    static void start() throws Exception {
        keys = new TestKeys();
        first = JanusServerProcess.startOnFreePorts(Files.createDirectories(dir.resolve("first")));
        second = first.startSibling(Files.createDirectories(dir.resolve("second")));
        String[] sfu = { "--parley.signaling.leases.enabled=false", "--parley.signaling.sfu.mode=sfu",
                "--parley.signaling.sfu.instances[0].api=" + first.apiUri(),
                "--parley.signaling.sfu.instances[0].admin=" + first.adminUri(),
                "--parley.signaling.sfu.instances[0].websocket=" + first.websocketUri(),
                "--parley.signaling.sfu.instances[1].api=" + second.apiUri(),
                "--parley.signaling.sfu.instances[1].admin=" + second.adminUri(),
                "--parley.signaling.sfu.instances[1].websocket=" + second.websocketUri(),
                "--parley.signaling.sfu.api-secret=" + first.apiSecret(),
                "--parley.signaling.sfu.admin-secret=" + first.adminSecret() };
        a = ServiceProcess.signaling("failover-a", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), sfu);
        b = ServiceProcess.signaling("failover-b", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), sfu);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        first.close();
        second.close();
        keys.close();
    }

    @Test
    void aMeetingWhoseJanusDiesGoesOnInOneRoomOnTheOtherInstance() {
        String meetingId = "m-" + UUID.randomUUID();
        try (SignalingClient ada = join(a, meetingId, "Ada"); SignalingClient grace = join(b, meetingId, "Grace")) {
            ada.send(publish());
            ada.await("sfu-answer");
            grace.send(publish());
            grace.await("sfu-answer");
            JanusServerProcess holding = holdingTheRoom(2);
            JanusServerProcess left = (holding == first) ? second : first;

            holding.kill();
            assertThat(ada.await("error").path("code").asString()).isEqualTo("sfu-unavailable");
            assertThat(grace.await("error").path("code").asString()).isEqualTo("sfu-unavailable");
            ada.send(publish());
            grace.send(publish());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(ada.all("sfu-answer")).hasSize(2);
                assertThat(grace.all("sfu-answer")).hasSize(2);
            });
            assertThat(new JanusAdmin(left, null).rooms()).singleElement()
                .satisfies(room -> assertThat(room.path("num_participants").asInt()).isEqualTo(2));
            assertThat(ada.all("error")).hasSize(1);
            assertThat(grace.all("error")).hasSize(1);
        }
    }

    /** The instance with the meeting's room, once all its participants are in it. */
    private static JanusServerProcess holdingTheRoom(int participants) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JanusServerProcess janus : new JanusServerProcess[] { first, second }) {
                if (new JanusAdmin(janus, null).rooms()
                    .stream()
                    .anyMatch(room -> room.path("num_participants").asInt() == participants)) {
                    return janus;
                }
            }
            return null;
        }, holding -> holding != null);
    }

    private static SignalingClient join(ServiceProcess instance, String meetingId, String name) {
        SignalingClient client = SignalingClient.connect(instance.port(),
                keys.sign(keys.participant(meetingId, name, Role.PARTICIPANT)));
        assertThat(client.welcome().path("media").path("mode").asString()).isEqualTo("sfu");
        return client;
    }

    private static String publish() {
        return JSON.createObjectNode().put("type", "sfu-publish").put("sdp", SyntheticSdp.publishOffer()).toString();
    }

}
