package io.parley.quality.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import io.parley.quality.QualityMetrics;
import io.parley.quality.QualityProperties;
import io.parley.quality.history.SampleHistory;
import io.parley.quality.history.StoredSample;
import io.parley.quality.sample.QualitySample;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The consumer: takes batches from {@code parley.quality.samples}, stores them in the
 * PostgreSQL history in one statement, adds the samples that were new to the Prometheus
 * histograms, and only then commits the batch's offsets. Should PostgreSQL be down or the
 * collector die midway, the batch is delivered again (the error handler retries it
 * without end while the consumer keeps its partitions, so lag grows and nothing is lost),
 * and the event ids make the second pass store and count nothing twice.
 */
@Component
class SampleListener {

    private static final Logger log = LoggerFactory.getLogger(SampleListener.class);

    private final SampleHistory history;

    private final EventCodec codec;

    private final QualityMetrics metrics;

    private final Clock clock;

    private final Duration storeTimeout;

    SampleListener(SampleHistory history, EventCodec codec, QualityMetrics metrics, Clock clock,
            QualityProperties properties) {
        this.history = history;
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
        this.storeTimeout = properties.storeTimeout();
    }

    @KafkaListener(id = "quality-aggregator", idIsGroup = false, batch = "true",
            topics = "#{T(io.parley.events.Topic).QUALITY_SAMPLES.topicName()}")
    void onSamples(List<ConsumerRecord<String, CloudEvent>> records, Acknowledgment acknowledgment) {
        List<StoredSample> batch = new ArrayList<>(records.size());
        Set<UUID> inBatch = new HashSet<>();
        int malformed = 0;
        int expired = 0;
        int repeated = 0;
        for (ConsumerRecord<String, CloudEvent> record : records) {
            StoredSample sample;
            try {
                sample = decode(record);
            }
            catch (MalformedEventException ex) {
                malformed++;
                log.warn("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        ex.getMessage());
                continue;
            }
            if (!history.accepts(sample)) {
                expired++;
            }
            else if (!inBatch.add(sample.eventId())) {
                repeated++;
            }
            else {
                batch.add(sample);
            }
        }
        // blocking is right here: this is a Kafka consumer thread, and the offsets may
        // move only once stored
        var started = metrics.startHistoryWrite();
        Set<UUID> stored = history.store(batch)
            .doFinally(signal -> metrics.historyWritten(started))
            .block(storeTimeout);
        for (StoredSample sample : batch) {
            if (stored != null && stored.contains(sample.eventId())) {
                metrics.consumed(SampleOutcome.RECORDED);
                QualitySample recorded = sample.sample();
                metrics.recorded(recorded.format(), recorded.stats(),
                        Duration.ofMillis(clock.millis() - recorded.receivedAt()));
            }
            else {
                metrics.consumed(SampleOutcome.DUPLICATE);
            }
        }
        metrics.consumed(SampleOutcome.DUPLICATE, repeated);
        metrics.consumed(SampleOutcome.EXPIRED, expired);
        metrics.consumed(SampleOutcome.MALFORMED, malformed);
        acknowledgment.acknowledge();
    }

    private StoredSample decode(ConsumerRecord<String, CloudEvent> record) {
        CloudEvent event = record.value();
        if (event == null) {
            throw new MalformedEventException("not a CloudEvent");
        }
        if (!EventType.QUALITY_SAMPLE.ceType().equals(event.getType())) {
            throw new MalformedEventException("event " + event.getId() + " has type " + event.getType());
        }
        QualitySample sample = codec.decode(event, QualitySample.class);
        if (!SampleChecks.isRecordable(sample)) {
            throw new MalformedEventException("event " + event.getId() + " lacks ids or stats");
        }
        return new StoredSample(eventId(event, sample), sample);
    }

    /**
     * The event's own id; another producer's id that is not a UUID gives way to the
     * sample's name-based one.
     */
    private static UUID eventId(CloudEvent event, QualitySample sample) {
        try {
            return UUID.fromString(event.getId());
        }
        catch (IllegalArgumentException notAUuid) {
            return UUID.fromString(sample.eventId());
        }
    }

}
