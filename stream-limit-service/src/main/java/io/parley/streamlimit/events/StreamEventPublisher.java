package io.parley.streamlimit.events;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.streamlimit.StreamMetrics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts stream events on {@code parley.stream.events}, keyed by user id. The lease in Redis is the truth and the
 * event a notification of it: a request does not wait for Kafka, and a failed send is counted and logged.
 */
public class StreamEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(StreamEventPublisher.class);

    private final KafkaTemplate<String, CloudEvent> kafka;
    private final EventCodec codec;
    private final StreamMetrics metrics;

    public StreamEventPublisher(KafkaTemplate<String, CloudEvent> kafka, EventCodec codec, StreamMetrics metrics) {
        this.kafka = kafka;
        this.codec = codec;
        this.metrics = metrics;
    }

    /** Sends in the background. */
    public void publish(EventType type, String userId, Object data) {
        send(type, null, userId, data).subscribe();
    }

    /**
     * Completes once Kafka acknowledged the event (or the failure was counted). {@code id} may be null for a random
     * one; events that a retry could produce again get a deterministic id, so consumers drop the duplicate.
     */
    public Mono<Void> send(EventType type, String id, String userId, Object data) {
        CloudEvent event = id == null ? codec.encode(type, userId, data) : codec.encode(type, id, userId, data);
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(type.topic().topicName(), userId, event);
        // send() blocks for up to max.block.ms while the broker's metadata is unknown: keep it off the event loop
        return Mono.defer(() -> Mono.fromFuture(kafka.send(record)))
            .subscribeOn(Schedulers.boundedElastic())
            .doOnError(error -> {
                metrics.eventFailed();
                log.warn("Could not put {} for user {} on Kafka: {}", type.ceType(), userId, error.toString());
            })
            .onErrorComplete()
            .then();
    }
}
