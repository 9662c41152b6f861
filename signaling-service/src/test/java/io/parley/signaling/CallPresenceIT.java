package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed-in person's meeting sockets put them in a call for their contacts, through two
 * real instances on real Redis and Kafka: the state a contact's catch-up reads and the
 * presence channel every instance of a contact listens to say {@code in-call} while a
 * meeting socket of theirs lives on either instance, and go back when it closes, or when
 * the instance holding it is killed (the other instance reaps it). Guests are left out
 * ({@code CallPresenceTests}).
 */
class CallPresenceIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration CONVERGES = Duration.ofSeconds(30);

    private static TestKeys keys;

    private static LettuceConnectionFactory connections;

    private static ReactiveStringRedisTemplate redis;

    private static ReactiveRedisMessageListenerContainer listeners;

    @BeforeAll
    static void start() {
        keys = new TestKeys();
        RedisServerProcess server = SharedInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        connections.afterPropertiesSet();
        redis = new ReactiveStringRedisTemplate(connections);
        listeners = new ReactiveRedisMessageListenerContainer(connections);
    }

    @AfterAll
    static void stop() {
        listeners.destroy();
        connections.destroy();
        keys.close();
    }

    private static ServiceProcess instance(String name) {
        return ServiceProcess.signaling(name, SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), "--parley.signaling.leases.enabled=false");
    }

    /** A join token as meeting-service issues it to a signed-in person. */
    private static String tokenOf(String accountId, String meetingId) {
        JoinToken guest = keys.participant(meetingId, "Ada", Role.PARTICIPANT);
        Instant now = Instant.now();
        return keys.sign(new JoinToken(accountId, meetingId, guest.participantId(), "Ada", Role.PARTICIPANT,
                UUID.randomUUID().toString(), now.minusSeconds(5), now.plus(Duration.ofHours(1))));
    }

    /** The state a contact's catch-up reads; offline when the key is gone. */
    private static String state(String accountId) {
        String state = redis.opsForValue().get("user:{" + accountId + "}:state").block(Duration.ofSeconds(5));
        return state == null ? "offline" : state;
    }

    /**
     * Records the states announced on the person's presence channel, from a subscription
     * in place when this returns.
     */
    private static Disposable follow(String accountId, List<String> announced) {
        return listeners.receiveLater(ChannelTopic.of("signal:{presence:" + accountId + "}"))
            .block(Duration.ofSeconds(10))
            .map(message -> JSON.readTree(message.getMessage()))
            .filter(message -> accountId.equals(message.path("accountId").asString()))
            .map(message -> message.path("state").asString())
            .subscribe(announced::add);
    }

    private static void awaitAnnounced(List<String> announced, List<String> states) {
        Awaitility.await("presence " + states).atMost(CONVERGES).until(() -> announced.equals(states));
    }

    @Test
    void aMeetingSocketOnEitherInstancePutsThePersonInACallUntilItCloses() {
        String accountId = UUID.randomUUID().toString();
        List<String> announced = new CopyOnWriteArrayList<>();
        try (ServiceProcess a = instance("in-call-a"); ServiceProcess b = instance("in-call-b")) {
            Disposable listening = follow(accountId, announced);
            try {
                SignalingClient first = SignalingClient.connect(a.port(), tokenOf(accountId, "m-" + UUID.randomUUID()));
                first.welcome();
                awaitAnnounced(announced, List.of("in-call"));
                assertThat(state(accountId)).isEqualTo("in-call");

                // a second meeting on the other instance changes nothing; leaving one of
                // the two neither
                SignalingClient second = SignalingClient.connect(b.port(),
                        tokenOf(accountId, "m-" + UUID.randomUUID()));
                second.welcome();
                Awaitility.await("both meetings in presence")
                    .atMost(CONVERGES)
                    .until(() -> redis.opsForZSet()
                        .size("user:{" + accountId + "}:calls")
                        .block(Duration.ofSeconds(5)) == 2);
                assertThat(announced).containsExactly("in-call");
                first.close();
                second.close();

                awaitAnnounced(announced, List.of("in-call", "offline"));
                assertThat(state(accountId)).isEqualTo("offline");
            }
            finally {
                listening.dispose();
            }
        }
    }

    @Test
    void thePersonLeavesTheCallWhenTheInstanceHoldingTheSocketIsKilled() {
        String accountId = UUID.randomUUID().toString();
        List<String> announced = new CopyOnWriteArrayList<>();
        // the survivor reaps what the victim leaves behind
        try (ServiceProcess survivor = instance("in-call-survivor");
                ServiceProcess victim = instance("in-call-victim")) {
            Disposable listening = follow(accountId, announced);
            try {
                SignalingClient socket = SignalingClient.connect(victim.port(),
                        tokenOf(accountId, "m-" + UUID.randomUUID()));
                socket.welcome();
                awaitAnnounced(announced, List.of("in-call"));

                victim.kill();

                awaitAnnounced(announced, List.of("in-call", "offline"));
                assertThat(state(accountId)).isEqualTo("offline");
            }
            finally {
                listening.dispose();
            }
        }
    }

}
