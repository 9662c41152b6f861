package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SignalingFailoverIT {

    private static TestKeys keys;

    @BeforeAll
    static void keys() {
        keys = new TestKeys();
    }

    @AfterAll
    static void closeKeys() {
        keys.close();
    }

    private static ServiceProcess instance(String name) {
        return ServiceProcess.signaling(name, SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), "--parley.signaling.leases.enabled=false");
    }

    @Test
    void peersOfAKilledInstanceLeaveWithinTenSecondsAndReconnectAfterItsRestart() {
        String meetingId = "m-" + UUID.randomUUID();
        JoinToken survivorToken = keys.participant(meetingId, "Ada", Role.HOST);
        JoinToken victimToken = keys.participant(meetingId, "Grace", Role.PARTICIPANT);
        try (ServiceProcess survivorInstance = instance("failover-a");
                ServiceProcess victimInstance = instance("failover-b");
                SignalingClient survivor = SignalingClient.connect(survivorInstance.port(), keys.sign(survivorToken));
                SignalingClient victim = SignalingClient.connect(victimInstance.port(), keys.sign(victimToken))) {
            survivor.await("participant-joined");

            victimInstance.kill();
            long killedAt = System.nanoTime();
            JsonNode left = survivor.await("participant-left",
                    message -> victimToken.participantId().equals(message.path("participantId").asString()));

            assertThat(left).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).isLessThan(Duration.ofSeconds(10));

            victimInstance.start();
            try (SignalingClient reconnected = SignalingClient.connect(victimInstance.port(), keys.sign(victimToken))) {
                assertThat(reconnected.welcome().path("participants").findValuesAsString("participantId"))
                    .containsExactly(survivorToken.participantId());
                survivor.await("participant-joined",
                        message -> message.path("participant")
                            .path("participantId")
                            .asString()
                            .equals(victimToken.participantId()) && survivor.all("participant-joined").size() == 2);
            }
        }
    }

    @Test
    void drainingInstanceAsksClientsToReconnectAndClosesWith4000() {
        String meetingId = "m-" + UUID.randomUUID();
        try (ServiceProcess draining = instance("drain-a");
                SignalingClient client = SignalingClient.connect(draining.port(),
                        keys.sign(keys.participant(meetingId, "Ada", Role.HOST)))) {
            client.welcome();

            Thread stopper = new Thread(draining::stop);
            stopper.start();

            client.await("reconnect");
            assertThat(client.awaitClose()).isEqualTo(4000);
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> !stopper.isAlive());
        }
    }

}
