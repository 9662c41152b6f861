package io.parley.quality.sfu;

import java.util.List;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.MediaServers;
import io.parley.events.MediaServers.HandleOwner;
import io.parley.quality.QualityMetrics;
import io.parley.quality.sample.QualitySample;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Attributes each event of a post to the participant its opaque id names and puts the
 * statistics' samples on {@code parley.quality.samples} (key = meeting id), like a
 * beacon's. Unlike a beacon nobody waits for Kafka's acknowledgement: a sample Kafka does
 * not take is counted and dropped, the next period's follows within seconds. The send
 * never blocks ({@code NonBlockingProducer}), so this runs on the event loop.
 */
public class JanusEventIntake {

    private static final Logger log = LoggerFactory.getLogger(JanusEventIntake.class);

    private static final EventType TYPE = EventType.QUALITY_SAMPLE;

    private final SfuSampler sampler;

    private final KafkaTemplate<String, CloudEvent> kafka;

    private final EventCodec codec;

    private final QualityMetrics metrics;

    public JanusEventIntake(SfuSampler sampler, KafkaTemplate<String, CloudEvent> kafka, EventCodec codec,
            QualityMetrics metrics) {
        this.sampler = sampler;
        this.kafka = kafka;
        this.codec = codec;
        this.metrics = metrics;
    }

    public void accept(List<JanusEvent> events, long receivedAt) {
        for (JanusEvent event : events) {
            if (event.isHandle()) {
                metrics.sfuEvent("handle", owner(event) == null ? SfuEventResult.FOREIGN : SfuEventResult.ATTRIBUTED);
            }
            else if (event.isMediaStats()) {
                stats(event, receivedAt);
            }
            else {
                metrics.sfuEvent("other", SfuEventResult.IGNORED);
            }
        }
    }

    private void stats(JanusEvent event, long receivedAt) {
        HandleOwner owner = owner(event);
        if (owner == null) {
            metrics.sfuEvent("media", SfuEventResult.FOREIGN);
            return;
        }
        sampler.sample(event, owner, receivedAt).ifPresentOrElse(reading -> {
            metrics.sfuEvent("media", SfuEventResult.ATTRIBUTED);
            metrics.sfuNacks(reading.nacksReceived(), reading.nacksSent());
            publish(reading.sample());
        }, () -> metrics.sfuEvent("media", SfuEventResult.IGNORED));
    }

    private static HandleOwner owner(JanusEvent event) {
        return MediaServers.ownerOf(event.opaqueId());
    }

    private void publish(QualitySample sample) {
        try {
            CloudEvent event = codec.encode(TYPE, sample.eventId(), sample.meetingId(), sample);
            kafka.send(new ProducerRecord<>(TYPE.topic().topicName(), sample.meetingId(), event))
                .whenComplete((result, error) -> {
                    if (error == null) {
                        metrics.sfuSamplePublished();
                    }
                    else {
                        unpublished(sample, error);
                    }
                });
        }
        catch (RuntimeException ex) {
            unpublished(sample, ex);
        }
    }

    private void unpublished(QualitySample sample, Throwable error) {
        metrics.sfuSampleUnpublished();
        log.debug("SFU sample for meeting {} not acknowledged by Kafka", sample.meetingId(), error);
    }

}
