package io.parley.streamlimit.org;

import java.time.Duration;

import io.parley.events.MalformedEventException;
import io.parley.streamlimit.StreamMetrics;
import io.parley.streamlimit.events.SkippedRecords;
import io.parley.support.problem.UnavailableException;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The listener container of {@link PeopleEventsListener}. Records are read as by every
 * consumer of the service, so a record that is not a CloudEvent is one failed record,
 * logged, counted and skipped. Its error handler differs from the lease releases' so that
 * no limit change is lost: a change that cannot be applied because Redis is down is
 * retried with back-off (at most every 15 s) until Redis is back — dropping it after a
 * while, as the lease releases do, would leave a limit wrong for good. Any other failure
 * is retried twice, then logged, counted and skipped; malformed events are skipped at
 * once. The error handler is made here rather than as a bean, so the default container
 * keeps its own.
 */
@Configuration(proxyBeanMethods = false)
class PeopleEventsConfiguration {

    static final String CONTAINER_FACTORY = "peopleEventsContainerFactory";

    private static final Duration FIRST_RETRY = Duration.ofMillis(500);

    private static final Duration MOST_BETWEEN_RETRIES = Duration.ofSeconds(15);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> peopleEventsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            StreamMetrics metrics) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setCommonErrorHandler(errorHandler(metrics));
        return factory;
    }

    static DefaultErrorHandler errorHandler(StreamMetrics metrics) {
        DefaultErrorHandler handler = new DefaultErrorHandler(new SkippedRecords(metrics::orgLimitsSkipped),
                new FixedBackOff(1_000, 2));
        handler.setBackOffFunction((record, error) -> SkippedRecords.causedBy(error, UnavailableException.class)
                ? untilRedisIsBack() : null);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    private static BackOff untilRedisIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY.toMillis(), 2.0);
        backOff.setMaxInterval(MOST_BETWEEN_RETRIES.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

}
