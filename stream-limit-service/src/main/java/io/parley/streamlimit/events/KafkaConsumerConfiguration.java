package io.parley.streamlimit.events;

import io.parley.events.MalformedEventException;
import io.parley.streamlimit.StreamMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Records reach the listeners through the error-handling deserializer of
 * parley-defaults.yml, so one that is not a CloudEvent comes here as a single failed
 * record.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

    /**
     * The lease releases' error handler. A release that fails because Redis is down is
     * retried with back-off for about two minutes before the record is logged, counted as
     * {@code failed} and skipped (the lease then still ends when it expires); a record
     * that cannot be read is logged, counted as {@code malformed} and skipped at once
     * (metric {@code parley.streams.releases.skipped}).
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(StreamMetrics metrics) {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(15_000);
        backOff.setMaxElapsedTime(120_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(new SkippedRecords(metrics::releasesSkipped), backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

}
