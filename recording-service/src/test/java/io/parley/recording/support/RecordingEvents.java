package io.parley.recording.support;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts recording-started and recording-stopped on {@code parley.meeting.events} as
 * meeting-service does; {@link #send} repeats a given event (a redelivery).
 */
public final class RecordingEvents implements AutoCloseable {

    private final KafkaProducer<String, CloudEvent> producer;

    private final EventCodec codec = new EventCodec(JsonMapper.builder().build(), "meeting-service", Clock.systemUTC());

    public RecordingEvents() {
        Map<String, Object> properties = new HashMap<>(EventCodec.producerProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        this.producer = new KafkaProducer<>(properties);
    }

    public CloudEvent started(String meetingId, String recordingId, Instant startedAt, String hostAccountId,
            String orgId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meetingId", meetingId);
        data.put("recordingId", recordingId);
        data.put("startedAt", startedAt.toString());
        data.put("by", "p-host");
        data.put("hostParticipantId", "p-host");
        data.put("hostAccountId", hostAccountId);
        data.put("orgId", orgId);
        data.put("maxSeconds", 14400);
        return send(codec.encode(EventType.RECORDING_STARTED, meetingId, data));
    }

    public CloudEvent stopped(String meetingId, String recordingId, Instant startedAt, Instant stoppedAt) {
        return send(codec.encode(EventType.RECORDING_STOPPED, meetingId, Map.of("meetingId", meetingId, "recordingId",
                recordingId, "startedAt", startedAt.toString(), "stoppedAt", stoppedAt.toString(), "reason", "host")));
    }

    public CloudEvent send(CloudEvent event) {
        try {
            producer
                .send(new ProducerRecord<>(EventType.RECORDING_STARTED.topic().topicName(), event.getSubject(), event))
                .get();
            return event;
        }
        catch (Exception ex) {
            throw new IllegalStateException("Kafka did not take the event", ex);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

}
