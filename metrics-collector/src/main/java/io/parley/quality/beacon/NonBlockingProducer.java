package io.parley.quality.beacon;

import java.time.Duration;

import io.cloudevents.CloudEvent;
import io.parley.events.Topic;
import io.parley.support.kafka.NonBlockingSends;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Makes the collector's Kafka producer safe to call from an event loop. {@code send}
 * blocks only while it waits for topic metadata or for room in a full buffer: with
 * {@code max.block.ms=0} it fails instead (a 503), the samples topic's metadata is
 * fetched once the application is ready and then kept however long the topic stays quiet.
 * Until that first fetch succeeds, beacons would get 503, so the collector reports itself
 * not ready until then (health contributor {@code beaconProducer}, part of the readiness
 * group).
 */
@Component("beaconProducer")
public class NonBlockingProducer implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(NonBlockingProducer.class);

    private final KafkaTemplate<String, CloudEvent> kafka;

    private volatile Disposable warmUp;

    private volatile boolean ready;

    public NonBlockingProducer(KafkaTemplate<String, CloudEvent> kafka) {
        this.kafka = kafka;
    }

    static DefaultKafkaProducerFactoryCustomizer neverBlock() {
        return factory -> factory.updateConfigs(NonBlockingSends.PRODUCER_SETTINGS);
    }

    /**
     * Asks for the topic's metadata until it is there; each attempt only triggers a
     * fetch, it does not wait.
     */
    @EventListener(ApplicationReadyEvent.class)
    void fetchTopicMetadata() {
        String topic = Topic.QUALITY_SAMPLES.topicName();
        warmUp = Mono.fromCallable(() -> kafka.partitionsFor(topic))
            .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofMillis(200)))
            .subscribeOn(Schedulers.boundedElastic())
            .subscribe(partitions -> {
                ready = true;
                log.info("Producer ready: {} has {} partitions", topic, partitions.size());
            });
    }

    @Override
    public Health health() {
        return ready ? Health.up().build()
                : Health.down().withDetail("waitingFor", "metadata of " + Topic.QUALITY_SAMPLES.topicName()).build();
    }

    @PreDestroy
    void stop() {
        Disposable running = warmUp;
        if (running != null) {
            running.dispose();
        }
    }

}
