package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.Topic;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The online flags follow signaling's presence events on a real topic. */
class PresenceIT {

    private static RunningMeetingService service;

    private static MeetingApiClient api;

    private static KafkaProducer<String, CloudEvent> producer;

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().build(), "signaling-service",
            Clock.systemUTC());

    @BeforeAll
    static void start() {
        service = RunningMeetingService.start();
        api = new MeetingApiClient(service.client());
        Map<String, Object> config = new HashMap<>(EventCodec.producerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        producer = new KafkaProducer<>(config);
    }

    @AfterAll
    static void stop() {
        producer.close();
        service.close();
    }

    @Test
    void aParticipantIsOnlineWhileAnyOfTheirConnectionsIsOpen() {
        var created = api.create("Ada");
        String id = created.meetingId();
        var grace = api.join(id, "Grace");

        send(EventType.PARTICIPANT_CONNECTED, id, grace.participantId(), "conn-1");
        awaitOnline(id, grace.participantId(), true);
        assertThat(online(id, created.hostId())).isFalse();

        send(EventType.PARTICIPANT_CONNECTED, id, grace.participantId(), "conn-2");
        send(EventType.PARTICIPANT_DISCONNECTED, id, grace.participantId(), "conn-1");
        send(EventType.PARTICIPANT_CONNECTED, id, created.hostId(), null);
        awaitOnline(id, created.hostId(), true);
        assertThat(online(id, grace.participantId())).isTrue();

        send(EventType.PARTICIPANT_DISCONNECTED, id, grace.participantId(), "conn-2");
        awaitOnline(id, grace.participantId(), false);
    }

    @Test
    void appliesARedeliveredEventOnce() {
        var created = api.create("Ada");
        String id = created.meetingId();
        CloudEvent connected = event(EventType.PARTICIPANT_CONNECTED, id, created.hostId(), "c1");

        publish(id, connected);
        awaitOnline(id, created.hostId(), true);
        send(EventType.PARTICIPANT_DISCONNECTED, id, created.hostId(), "c1");
        awaitOnline(id, created.hostId(), false);
        publish(id, connected);
        // a later event shows the redelivery has been consumed by then (one partition per
        // meeting, in order)
        var grace = api.join(id, "Grace");
        send(EventType.PARTICIPANT_CONNECTED, id, grace.participantId(), "c2");
        awaitOnline(id, grace.participantId(), true);

        assertThat(online(id, created.hostId())).isFalse();
    }

    @Test
    void skipsRecordsItCannotReadAndKeepsConsuming() {
        var created = api.create("Ada");
        String id = created.meetingId();
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(config)) {
            raw.send(new ProducerRecord<>(Topic.PRESENCE_EVENTS.topicName(), id.getBytes(), "not an event".getBytes()));
            raw.flush();
        }
        publish(id, CODEC.encode(EventType.PARTICIPANT_CONNECTED, id, Map.of("unexpected", "shape")));
        publish(id, CODEC.encode(EventType.PARTICIPANT_CONNECTED, id,
                Map.of("meetingId", id, "participantId", "p0000000000000000")));
        publish(id, CODEC.encode(EventType.PARTICIPANT_CONNECTED, id,
                Map.of("meetingId", "../../etc", "participantId", created.hostId())));

        send(EventType.PARTICIPANT_CONNECTED, id, created.hostId(), "c1");

        awaitOnline(id, created.hostId(), true);
        assertThat(MeetingLifecycleIT.participants(api.get(id))).hasSize(1);
    }

    private static void send(EventType type, String meetingId, String participantId, String connectionId) {
        publish(meetingId, event(type, meetingId, participantId, connectionId));
    }

    private static CloudEvent event(EventType type, String meetingId, String participantId, String connectionId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meetingId", meetingId);
        data.put("participantId", participantId);
        if (connectionId != null) {
            data.put("connectionId", connectionId);
        }
        data.put("instance", "signaling-1");
        return CODEC.encode(type, UUID.randomUUID().toString(), meetingId, data);
    }

    private static void publish(String meetingId, CloudEvent event) {
        producer.send(new ProducerRecord<>(Topic.PRESENCE_EVENTS.topicName(), meetingId, event));
        producer.flush();
    }

    private static void awaitOnline(String meetingId, String participantId, boolean online) {
        await().atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(online(meetingId, participantId)).isEqualTo(online));
    }

    private static boolean online(String meetingId, String participantId) {
        return MeetingLifecycleIT.participants(api.get(meetingId))
            .stream()
            .filter(p -> participantId.equals(p.get("participantId")))
            .map(p -> Boolean.TRUE.equals(p.get("online")))
            .findFirst()
            .orElseThrow();
    }

}
