package io.parley.quality.beacon;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Timer;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.quality.QualityMetrics;
import io.parley.quality.QualityProperties;
import io.parley.quality.sample.QualitySample;
import io.parley.support.problem.Problems;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Puts a sample on {@code parley.quality.samples} (key = meeting id) and completes only
 * once Kafka acknowledged it (idempotent producer, {@code acks=all}); anything else
 * within the time limit is a 503 ({@link Problems#unavailable}), so the endpoint never
 * answers 204 for a sample that is not stored.
 * <p>
 * {@code KafkaTemplate.send} is called on the event loop: the collector's producer never
 * blocks ({@link NonBlockingProducer}), so where it would wait for topic metadata or
 * buffer space it fails at once and the beacon gets its 503 without holding a thread.
 */
public class SamplePublisher {

    private static final Logger log = LoggerFactory.getLogger(SamplePublisher.class);

    private static final EventType TYPE = EventType.QUALITY_SAMPLE;

    private final KafkaTemplate<String, CloudEvent> kafka;

    private final EventCodec codec;

    private final Duration timeout;

    private final QualityMetrics metrics;

    public SamplePublisher(KafkaTemplate<String, CloudEvent> kafka, EventCodec codec, Duration timeout,
            QualityMetrics metrics) {
        this.kafka = kafka;
        this.codec = codec;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    public Mono<Void> publish(QualitySample sample) {
        return Mono.defer(() -> {
            CloudEvent event = codec.encode(TYPE, sample.eventId(), sample.meetingId(), sample);
            ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(TYPE.topic().topicName(),
                    sample.meetingId(), event);
            Timer.Sample started = metrics.startPublish();
            // suppressCancel: a timed-out send is not withdrawn from Kafka; the views
            // de-duplicate a later retry
            return Mono.fromFuture(() -> kafka.send(record), true).doOnSuccess(result -> metrics.published(started));
        }).timeout(timeout).onErrorMap(error -> {
            metrics.kafkaUnavailable();
            log.debug("Sample for meeting {} not acknowledged by Kafka", sample.meetingId(), error);
            return Problems.unavailable("The sample could not be stored right now; send it again shortly.",
                    QualityProperties.RETRY_AFTER_UNAVAILABLE, error);
        }).then();
    }

}
