package io.parley.streamlimit.events;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.Topic;
import io.parley.streamlimit.StreamMetrics;
import io.parley.support.kafka.NonBlockingSends;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Puts stream events on {@code parley.stream.events}, keyed by user id. The lease in
 * Redis is the truth and the event a notification of it: a request does not wait for
 * Kafka, and a failed send is counted and logged.
 */
public class StreamEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(StreamEventPublisher.class);

    private final KafkaTemplate<String, CloudEvent> kafka;

    private final EventCodec codec;

    private final StreamMetrics metrics;

    private final TopicMetadata topic;

    public StreamEventPublisher(KafkaTemplate<String, CloudEvent> kafka, EventCodec codec, StreamMetrics metrics) {
        this(kafka, codec, metrics, TopicMetadata.WAIT);
    }

    StreamEventPublisher(KafkaTemplate<String, CloudEvent> kafka, EventCodec codec, StreamMetrics metrics,
            Duration metadataWait) {
        this.kafka = kafka;
        this.codec = codec;
        this.metrics = metrics;
        this.topic = new TopicMetadata(kafka, Topic.STREAM_EVENTS.topicName(), metadataWait);
    }

    /**
     * The producer settings {@link TopicMetadata} relies on: {@code send} never blocks.
     */
    public static DefaultKafkaProducerFactoryCustomizer neverBlock() {
        return factory -> factory.updateConfigs(NonBlockingSends.PRODUCER_SETTINGS);
    }

    /** Sends in the background. */
    public void publish(EventType type, String userId, Object data) {
        send(type, null, userId, data).subscribe();
    }

    /**
     * Completes once Kafka acknowledged the event (or the failure was counted).
     * {@code id} may be null for a random one; events that a retry could produce again
     * get a deterministic id, so consumers drop the duplicate.
     */
    public Mono<Void> send(EventType type, String id, String userId, Object data) {
        if (type.topic() != Topic.STREAM_EVENTS) {
            throw new IllegalArgumentException(type + " is not a stream event");
        }
        CloudEvent event = id == null ? codec.encode(type, userId, data) : codec.encode(type, id, userId, data);
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(type.topic().topicName(), userId, event);
        return topic.send(() -> kafka.send(record)).doOnError(error -> {
            metrics.eventFailed();
            log.warn("Could not put {} for user {} on Kafka: {}", type.ceType(), userId, error.toString());
        }).onErrorComplete().then();
    }

}
