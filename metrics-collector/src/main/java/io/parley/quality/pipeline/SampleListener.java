package io.parley.quality.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.MalformedEventException;
import io.parley.quality.QualityMetrics;
import io.parley.quality.QualityProperties;
import io.parley.quality.sample.QualitySample;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The aggregator: takes batches from {@code parley.quality.samples}, records each sample in Redis and, when it is
 * new, in the Prometheus histograms; only then commits the batch's offsets. Should the collector die or Redis fail
 * midway, the batch is delivered again and the Lua script's de-duplication makes the second pass harmless, so no
 * sample is lost and none is counted twice.
 */
@Component
class SampleListener {

    private static final Logger log = LoggerFactory.getLogger(SampleListener.class);

    private final QualityStore store;
    private final EventCodec codec;
    private final QualityMetrics metrics;
    private final Clock clock;
    private final Duration storeTimeout;

    SampleListener(QualityStore store, EventCodec codec, QualityMetrics metrics, Clock clock,
            QualityProperties properties) {
        this.store = store;
        this.codec = codec;
        this.metrics = metrics;
        this.clock = clock;
        this.storeTimeout = properties.storeTimeout();
    }

    @KafkaListener(id = "quality-aggregator", idIsGroup = false, batch = "true",
            topics = "#{T(io.parley.events.Topic).QUALITY_SAMPLES.topicName()}")
    void onSamples(List<ConsumerRecord<String, CloudEvent>> records, Acknowledgment acknowledgment) {
        List<QualitySample> samples = new ArrayList<>(records.size());
        int malformed = 0;
        for (ConsumerRecord<String, CloudEvent> record : records) {
            try {
                samples.add(decode(record));
            }
            catch (MalformedEventException ex) {
                malformed++;
                log.warn("Skipping record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        ex.getMessage());
            }
        }
        // blocking is right here: this is a Kafka consumer thread, and the offsets may move only after Redis has it
        List<SampleOutcome> outcomes = Flux.fromIterable(samples)
            .flatMapSequential(store::record)
            .collectList()
            .block(storeTimeout);
        for (int i = 0; i < samples.size(); i++) {
            SampleOutcome outcome = outcomes.get(i);
            metrics.consumed(outcome);
            if (outcome == SampleOutcome.RECORDED) {
                QualitySample sample = samples.get(i);
                metrics.recorded(sample.stats(), Duration.ofMillis(clock.millis() - sample.receivedAt()));
            }
        }
        for (int i = 0; i < malformed; i++) {
            metrics.consumed(SampleOutcome.MALFORMED);
        }
        acknowledgment.acknowledge();
    }

    private QualitySample decode(ConsumerRecord<String, CloudEvent> record) {
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
        return sample;
    }
}
