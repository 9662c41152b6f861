package io.parley.signaling.events;

import java.time.Duration;
import java.time.Instant;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.signaling.SignalingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Presence and chat events on Kafka, keyed by meeting id. Publishing never holds up a
 * socket: it runs beside the conversation, retries within a bound and counts what it
 * finally could not write.
 */
@Component
public class SignalingEvents {

    private static final Logger log = LoggerFactory.getLogger(SignalingEvents.class);

    public record Presence(String meetingId, String participantId, String userId, String name, String instance,
            Instant at) {
    }

    public record ChatMessage(String meetingId, String id, String participantId, String name, String text,
            Instant sentAt) {
    }

    private final KafkaTemplate<String, CloudEvent> kafka;

    private final EventCodec codec;

    private final SignalingMetrics metrics;

    public SignalingEvents(KafkaTemplate<String, CloudEvent> kafka, EventCodec codec, SignalingMetrics metrics) {
        this.kafka = kafka;
        this.codec = codec;
        this.metrics = metrics;
    }

    public void connected(Presence presence) {
        publish(EventType.PARTICIPANT_CONNECTED, presence.meetingId(), presence);
    }

    public void disconnected(Presence presence) {
        publish(EventType.PARTICIPANT_DISCONNECTED, presence.meetingId(), presence);
    }

    public void chat(ChatMessage message) {
        publish(EventType.CHAT_MESSAGE, message.meetingId(),
                codec.encode(EventType.CHAT_MESSAGE, message.id(), message.meetingId(), message));
    }

    private void publish(EventType type, String meetingId, Object data) {
        publish(type, meetingId, codec.encode(type, meetingId, data));
    }

    private void publish(EventType type, String meetingId, CloudEvent event) {
        String topic = type.topic().topicName();
        // send() may block while it waits for metadata, so it never runs on an event-loop
        // thread
        Mono.defer(() -> Mono.fromFuture(kafka.send(topic, meetingId, event)))
            .subscribeOn(Schedulers.boundedElastic())
            .retryWhen(Retry.backoff(3, Duration.ofMillis(200)))
            .subscribe(null, error -> {
                metrics.eventFailed(topic);
                log.error("Could not publish {} for meeting {}: {}", type.ceType(), meetingId, error.toString());
            });
    }

}
