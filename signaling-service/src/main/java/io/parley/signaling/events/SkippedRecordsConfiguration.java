package io.parley.signaling.events;

import io.parley.signaling.SignalingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What the meeting-event and people-event relays do with a record they cannot use: a
 * record that is not a CloudEvent (parley-defaults.yml reads through the error-handling
 * deserializer) is skipped at once; one whose handling keeps failing (Redis down while
 * publishing) is tried three times a second apart. Either way it is logged, counted
 * ({@code parley.signaling.records.skipped}) and the partition moves on: a relay that
 * stops would leave every later host command and message undelivered, while the user
 * socket's catch-up and the authority check recover what one skipped record missed.
 */
@Configuration(proxyBeanMethods = false)
class SkippedRecordsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SkippedRecordsConfiguration.class);

    @Bean
    DefaultErrorHandler kafkaErrorHandler(SignalingMetrics metrics) {
        return new DefaultErrorHandler((record, error) -> {
            metrics.recordSkipped(record.topic());
            log.warn("Skipping the record at {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                    record.offset(), record.key(), error.toString());
        }, new FixedBackOff(1000, 2));
    }

}
