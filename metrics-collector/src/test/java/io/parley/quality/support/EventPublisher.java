package io.parley.quality.support;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.quality.sample.QualitySample;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts events on Kafka as meeting-service and the collector's own beacon endpoint do:
 * meeting creations, joins and ends on {@code parley.meeting.events}, and samples (a
 * chosen record, possibly more than once) on {@code parley.quality.samples}.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, CloudEvent> producer;

    private final EventCodec meetings = new EventCodec(JsonMapper.builder().build(), "meeting-service",
            Clock.systemUTC());

    private final EventCodec samples = new EventCodec(JsonMapper.builder().build(), "metrics-collector",
            Clock.systemUTC());

    public EventPublisher(KafkaBrokerProcess kafka) {
        Map<String, Object> properties = new HashMap<>(EventCodec.producerProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        this.producer = new KafkaProducer<>(properties);
    }

    /**
     * A meeting created by a host whose token subject is {@code hostUserId}, as
     * meeting-service announces it.
     */
    public void meetingCreated(String meetingId, String hostParticipantId, String hostUserId) {
        meetingCreated(meetingId, hostParticipantId, hostUserId, null);
    }

    /** A meeting of the organization {@code orgId} (none when null). */
    public void meetingCreated(String meetingId, String hostParticipantId, String hostUserId, String orgId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meetingId", meetingId);
        data.put("title", "Weekly review");
        data.put("maxParticipants", 10);
        data.put("host", participant(hostParticipantId, "host", hostUserId));
        data.put("createdAt", Instant.now().toString());
        if (orgId != null) {
            data.put("orgId", orgId);
        }
        send(EventType.MEETING_CREATED, meetingId, data);
    }

    public void participantJoined(String meetingId, String participantId, String userId) {
        send(EventType.PARTICIPANT_JOINED, meetingId, Map.of("meetingId", meetingId, "participant",
                participant(participantId, "participant", userId), "joinedAt", Instant.now().toString()));
    }

    public void meetingEnded(String meetingId) {
        send(EventType.MEETING_ENDED, meetingId,
                Map.of("meetingId", meetingId, "by", "p-host", "at", Instant.now().toString()));
    }

    /**
     * The sample as the beacon endpoint publishes it: its event id is the sample's
     * name-based id.
     */
    public void sample(QualitySample sample) {
        CloudEvent event = samples.encode(EventType.QUALITY_SAMPLE, sample.eventId(), sample.meetingId(), sample);
        producer.send(new ProducerRecord<>(EventType.QUALITY_SAMPLE.topic().topicName(), sample.meetingId(), event));
    }

    public void flush() {
        producer.flush();
    }

    private void send(EventType type, String key, Object data) {
        try {
            producer.send(new ProducerRecord<>(type.topic().topicName(), key, meetings.encode(type, key, data))).get();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Kafka did not take the " + type + " event", ex);
        }
    }

    private static Map<String, Object> participant(String participantId, String role, String userId) {
        Map<String, Object> participant = new LinkedHashMap<>();
        participant.put("participantId", participantId);
        participant.put("name", "Ada " + participantId);
        participant.put("role", role);
        participant.put("userId", userId);
        return participant;
    }

    @Override
    public void close() {
        producer.close();
    }

}
