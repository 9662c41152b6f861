package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.harness.SharedInfrastructure;
import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SignalingRelayIT {

    private static TestKeys keys;

    private static ServiceProcess a;

    private static ServiceProcess b;

    @BeforeAll
    static void start() {
        keys = new TestKeys();
        a = ServiceProcess.signaling("relay-a", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                keys.jwksUri(), "--parley.signaling.leases.enabled=false",
                "--parley.signaling.authority-check-interval=1s");
        b = ServiceProcess.signaling("relay-b", SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
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

    @Test
    void openSocketsKeepNeitherTheirVerifiedTokenNorTheirAdmission() {
        int sockets = 30;
        List<SignalingClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < sockets; i++) {
                clients.add(join(a, keys.participant(meeting(), "Idle " + i, Role.HOST)));
            }

            // each would be one per open socket if the socket's flow held on to the work
            // that admitted it
            assertThat(a.liveInstances("com.nimbusds.jwt.SignedJWT")).isLessThan(sockets / 3);
            assertThat(a.liveInstances("io.parley.signaling.session.SignalingHandler$Admitted"))
                .isLessThan(sockets / 3);
        }
        finally {
            clients.forEach(SignalingClient::close);
        }
    }

    @Test
    void peersOnDifferentInstancesExchangeOfferAnswerIceAndChat() {
        String meetingId = meeting();
        JoinToken hostToken = keys.participant(meetingId, "Ada", Role.HOST);
        JoinToken guestToken = keys.participant(meetingId, "Grace", Role.PARTICIPANT);
        try (SignalingClient host = join(a, hostToken); SignalingClient guest = join(b, guestToken)) {
            JsonNode joined = host.await("participant-joined");
            assertThat(joined.path("participant").path("participantId").asString())
                .isEqualTo(guestToken.participantId());
            assertThat(joined.path("participant").path("name").asString()).isEqualTo("Grace");
            assertThat(guest.welcome().path("participants").findValuesAsString("participantId"))
                .contains(hostToken.participantId());

            host.send("{\"type\":\"offer\",\"to\":\"" + guestToken.participantId() + "\",\"sdp\":\"v=0 offer\"}");
            JsonNode offer = guest.await("offer");
            assertThat(offer.path("from").asString()).isEqualTo(hostToken.participantId());
            assertThat(offer.path("sdp").asString()).isEqualTo("v=0 offer");

            guest.send("{\"type\":\"answer\",\"to\":\"" + hostToken.participantId() + "\",\"sdp\":\"v=0 answer\"}");
            assertThat(host.await("answer").path("sdp").asString()).isEqualTo("v=0 answer");

            guest.send("{\"type\":\"ice\",\"to\":\"" + hostToken.participantId()
                    + "\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\",\"sdpMid\":\"0\"}}");
            assertThat(host.await("ice").path("candidate").path("sdpMid").asString()).isEqualTo("0");

            host.send("{\"type\":\"chat\",\"text\":\"  hello there  \"}");
            for (SignalingClient client : new SignalingClient[] { host, guest }) {
                JsonNode chat = client.await("chat");
                assertThat(chat.path("text").asString()).isEqualTo("hello there");
                assertThat(chat.path("name").asString()).isEqualTo("Ada");
                assertThat(chat.path("from").asString()).isEqualTo(hostToken.participantId());
            }

            try (SignalingClient late = join(a, keys.participant(meetingId, "Linus", Role.PARTICIPANT))) {
                JsonNode history = late.welcome().path("chatHistory");
                assertThat(history).hasSize(1);
                assertThat(history.get(0).path("text").asString()).isEqualTo("hello there");
            }
        }
    }

    @Test
    void sharesMuteStateWithEveryone() {
        String meetingId = meeting();
        try (SignalingClient host = join(a, keys.participant(meetingId, "Ada", Role.HOST));
                SignalingClient guest = join(b, keys.participant(meetingId, "Grace", Role.PARTICIPANT))) {
            guest.send("{\"type\":\"media\",\"audio\":false,\"video\":true}");

            JsonNode updated = host.await("participant-updated");
            assertThat(updated.path("participant").path("audio").asBoolean()).isFalse();
            assertThat(updated.path("participant").path("video").asBoolean()).isTrue();
        }
    }

    @Test
    void neverDeliversToAParticipantOfAnotherMeeting() {
        try (SignalingClient sender = join(a, keys.participant(meeting(), "Ada", Role.HOST));
                SignalingClient elsewhere = join(b, keys.participant(meeting(), "Eve", Role.HOST))) {
            sender.send("{\"type\":\"offer\",\"to\":\"" + elsewhere.participantId() + "\",\"sdp\":\"v=0\"}");

            assertThat(sender.await("error").path("code").asString()).isEqualTo("unknown-participant");
            sender.send("{\"type\":\"ping\"}");
            sender.await("pong");
            elsewhere.assertNothingOf("offer");
        }
    }

    @Test
    void answersBadMessagesWithErrorsAndKeepsTheSocketOpen() {
        try (SignalingClient client = join(a, keys.participant(meeting(), "Ada", Role.HOST))) {
            client.send("{not json");
            client.send("[1,2]");
            client.send("{\"type\":\"teleport\"}");
            client.send("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
            client.send("{\"type\":\"media\",\"audio\":\"yes\",\"video\":true}");
            client.send("{\"type\":\"chat\",\"text\":\"" + "x".repeat(2001) + "\"}");
            client.send("{\"type\":\"welcome\"}");
            client.send("{\"type\":\"chat\",\"text\":\"evil\\u202Egnp.exe\"}");
            client.send("{\"type\":\"chat\",\"text\":\"bell\\u0007\"}");
            client.send("{\"type\":\"refresh\",\"token\":\"x\"}");
            client.send("{\"type\":\"ping\"}");

            client.await("pong");
            assertThat(client.all("error")).extracting(error -> error.path("code").asString())
                .containsExactly("malformed", "malformed", "unknown-type", "missing-field", "invalid-field",
                        "chat-too-long", "unknown-type", "invalid-field", "invalid-field", "unknown-type");
            assertThat(client.all("chat")).isEmpty();
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void answersFloodsWithRateLimitErrors() {
        try (SignalingClient client = join(a, keys.participant(meeting(), "Ada", Role.HOST))) {
            for (int i = 0; i < 10; i++) {
                client.send("{\"type\":\"chat\",\"text\":\"spam " + i + "\"}");
            }
            JsonNode limited = client.await("error", error -> "rate-limited".equals(error.path("code").asString()));
            assertThat(limited.path("message").asString()).contains("slow down");
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void closesWith1009OnAnOversizedFrame() {
        try (SignalingClient client = join(a, keys.participant(meeting(), "Ada", Role.HOST))) {
            client.send("{\"type\":\"chat\",\"text\":\"" + "x".repeat(70 * 1024) + "\"}");

            assertThat(client.awaitClose()).isEqualTo(1009);
        }
    }

    /**
     * What meeting-service records when it removes a participant or ends a meeting, with
     * no event published.
     */
    private static void revokeSilently(String key) {
        RedisClient client = RedisClient
            .create(RedisURI.create(SharedInfrastructure.redis().host(), SharedInfrastructure.redis().port()));
        try (var connection = client.connect()) {
            connection.sync().setex(key, 3600, "1");
        }
        finally {
            client.shutdown();
        }
    }

    @Test
    void closesSocketsWhoseRemovalOrMeetingEndTheInstanceMissed() {
        JoinToken removed = keys.participant(meeting(), "Eve", Role.PARTICIPANT);
        JoinToken ended = keys.participant(meeting(), "Ada", Role.HOST);
        try (SignalingClient removedClient = join(a, removed); SignalingClient endedClient = join(a, ended)) {
            revokeSilently("tokens:{meeting:" + removed.meetingId() + "}:pid:" + removed.participantId());
            revokeSilently("tokens:{meeting:" + ended.meetingId() + "}:ended");

            assertThat(removedClient.awaitClose()).isEqualTo(4403);
            assertThat(endedClient.awaitClose()).isEqualTo(4410);
            endedClient.await("meeting-ended");
        }
    }

    @Test
    void closesWith1003OnABinaryFrame() {
        try (SignalingClient client = join(a, keys.participant(meeting(), "Ada", Role.HOST))) {
            client.sendBinary(new byte[] { 1, 2, 3 });

            assertThat(client.awaitClose()).isEqualTo(1003);
        }
    }

    @Test
    void closesWith4401ForMissingForgedExpiredAndGarbageTokens() {
        JoinToken token = keys.participant(meeting(), "Mallory", Role.HOST);
        JoinToken expired = new JoinToken(token.subject(), token.meetingId(), token.participantId(), token.name(),
                token.role(), token.id(), Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));
        for (String bad : new String[] { null, keys.signWithAnotherKey(token), keys.sign(expired), "garbage" }) {
            try (SignalingClient client = SignalingClient.connect(a.port(), bad)) {
                assertThat(client.awaitClose()).isEqualTo(4401);
                client.assertNothingOf("welcome");
            }
        }
    }

    @Test
    void relaysHostCommandsFromMeetingEventsToEveryInstance() throws Exception {
        String meetingId = meeting();
        JoinToken hostToken = keys.participant(meetingId, "Ada", Role.HOST);
        JoinToken guestToken = keys.participant(meetingId, "Grace", Role.PARTICIPANT);
        JoinToken otherToken = keys.participant(meetingId, "Linus", Role.PARTICIPANT);
        try (SignalingClient host = join(a, hostToken);
                SignalingClient guest = join(b, guestToken);
                SignalingClient other = join(a, otherToken)) {
            publish(EventType.MUTED_ALL, meetingId, Map.of("meetingId", meetingId, "by", hostToken.participantId()));
            guest.await("muted");
            other.await("muted");

            publish(EventType.TIMER_STARTED, meetingId, Map.of("meetingId", meetingId, "preset", "seconds_15",
                    "seconds", 15, "endsAt", "2030-01-01T00:00:15Z", "by", hostToken.participantId()));
            for (SignalingClient client : new SignalingClient[] { host, guest, other }) {
                JsonNode timer = client.await("timer");
                assertThat(timer.path("seconds").asInt()).isEqualTo(15);
                assertThat(timer.path("endsAt").asString()).isEqualTo("2030-01-01T00:00:15Z");
            }
            host.assertNothingOf("muted");

            publish(EventType.PARTICIPANT_REMOVED, meetingId, Map.of("meetingId", meetingId, "participantId",
                    otherToken.participantId(), "reason", "removed", "by", hostToken.participantId()));
            other.await("removed");
            assertThat(other.awaitClose()).isEqualTo(4403);
            assertThat(host.isOpen()).isTrue();
            assertThat(guest.isOpen()).isTrue();

            publish(EventType.MEETING_ENDED, meetingId,
                    Map.of("meetingId", meetingId, "by", hostToken.participantId()));
            host.await("meeting-ended");
            guest.await("meeting-ended");
            assertThat(host.awaitClose()).isEqualTo(4410);
            assertThat(guest.awaitClose()).isEqualTo(4410);
        }
    }

    @Test
    void aMeetingEventThatIsNotACloudEventDoesNotStopTheOnesAfterIt() throws Exception {
        String meetingId = meeting();
        JoinToken hostToken = keys.participant(meetingId, "Ada", Role.HOST);
        JoinToken guestToken = keys.participant(meetingId, "Grace", Role.PARTICIPANT);
        try (SignalingClient guest = join(a, guestToken)) {
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    SharedInfrastructure.kafka().bootstrapServers());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(EventType.MUTED_ALL.topic().topicName(), meetingId, "not an event"))
                    .get();
            }
            publish(EventType.MUTED_ALL, meetingId, Map.of("meetingId", meetingId, "by", hostToken.participantId()));

            guest.await("muted");
        }
    }

    private static void publish(EventType type, String meetingId, Map<String, Object> data) throws Exception {
        EventCodec codec = new EventCodec(JsonMapper.builder().build(), "meeting-service", Clock.systemUTC());
        Map<String, Object> config = new HashMap<>(EventCodec.producerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config)) {
            producer
                .send(new ProducerRecord<>(type.topic().topicName(), meetingId, codec.encode(type, meetingId, data)))
                .get();
        }
    }

}
