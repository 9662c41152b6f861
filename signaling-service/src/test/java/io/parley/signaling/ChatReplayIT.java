package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instance whose Redis subscriptions were cut sends its sockets the meeting's chat
 * history again once Lettuce has subscribed anew, so that chat published meanwhile is
 * late rather than lost.
 */
class ChatReplayIT {

    private static TestKeys keys;

    private static ServiceProcess signaling;

    @BeforeAll
    static void start() {
        keys = new TestKeys();
        signaling = ServiceProcess.signaling("chat-replay", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), "--parley.signaling.leases.enabled=false");
    }

    @AfterAll
    static void stop() {
        signaling.close();
        keys.close();
    }

    @Test
    void replaysTheMeetingsChatOnceItsSubscriptionIsRestored() {
        String meetingId = "m-" + UUID.randomUUID();
        try (SignalingClient ada = SignalingClient.connect(signaling.port(),
                keys.sign(keys.participant(meetingId, "Ada", Role.HOST)));
                SignalingClient grace = SignalingClient.connect(signaling.port(),
                        keys.sign(keys.participant(meetingId, "Grace", Role.PARTICIPANT)))) {
            ada.welcome();
            grace.welcome();
            ada.send("{\"type\":\"chat\",\"text\":\"before the cut\"}");
            String id = grace.await("chat").path("id").asString();

            killPubSubConnections();

            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(grace.all("chat")).filteredOn(chat -> chat.path("id").asString().equals(id))
                            .extracting(chat -> chat.path("replayed").asBoolean(false))
                            .containsExactly(false, true));
            ada.send("{\"type\":\"chat\",\"text\":\"after the cut\"}");
            grace.await("chat", chat -> chat.path("text").asString().equals("after the cut"));
        }
    }

    private static void killPubSubConnections() {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + SharedInfrastructure.redis().port());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().clientKill(KillArgs.Builder.typePubsub())).isPositive();
        }
        finally {
            client.shutdown();
        }
    }

}
