package io.parley.support.kafka;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Producer settings for services that call {@code send} on an event loop. {@code send}
 * blocks only while it waits for a topic's metadata or for room in a full buffer: with
 * {@code max.block.ms=0} it fails instead, and the metadata, once fetched, is kept
 * however long the topic stays quiet. The caller makes sure the metadata is there first.
 */
public final class NonBlockingSends {

    /**
     * The producer keeps a topic's metadata this long after its last record (Kafka's
     * default: 5 minutes).
     */
    private static final Duration KEEP_METADATA = Duration.ofDays(1);

    public static final Map<String, Object> PRODUCER_SETTINGS = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0,
            ProducerConfig.METADATA_MAX_IDLE_CONFIG, (int) KEEP_METADATA.toMillis());

    private NonBlockingSends() {
    }

}
