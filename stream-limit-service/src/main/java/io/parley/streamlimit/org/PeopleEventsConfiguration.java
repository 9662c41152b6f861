package io.parley.streamlimit.org;

import java.time.Duration;
import java.util.Properties;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.parley.events.MalformedEventException;
import io.parley.streamlimit.StreamMetrics;
import io.parley.streamlimit.redis.RedisUnavailableException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The listener container of {@link PeopleEventsListener}. It differs from the service's default in two ways, both so
 * that no record can stop the partition and no limit change is lost:
 * <ul>
 * <li>records are read through an {@link ErrorHandlingDeserializer}: a record that is not a CloudEvent reaches the
 * listener as a failed record (logged and skipped) instead of failing every poll of the partition;</li>
 * <li>a change that cannot be applied because Redis is down is retried with back-off (at most every 15 s) until Redis
 * is back — dropping it after a while, as the lease releases do, would leave a limit wrong for good. Any other
 * failure is retried twice, then logged, counted and skipped; malformed events are skipped at once.</li>
 * </ul>
 * The error handler is made here rather than as a bean, so the default container keeps its own.
 */
@Configuration(proxyBeanMethods = false)
class PeopleEventsConfiguration {

    static final String CONTAINER_FACTORY = "peopleEventsContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(PeopleEventsConfiguration.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration MOST_BETWEEN_RETRIES = Duration.ofSeconds(15);

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> peopleEventsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            StreamMetrics metrics) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        // per container: the factory's own consumer properties are not passed on to the containers it makes
        factory.setContainerCustomizer(container -> {
            Properties consumer = container.getContainerProperties().getKafkaConsumerProperties();
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class.getName());
            consumer.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, CloudEventDeserializer.class.getName());
        });
        factory.setCommonErrorHandler(errorHandler(metrics));
        return factory;
    }

    static DefaultErrorHandler errorHandler(StreamMetrics metrics) {
        DefaultErrorHandler handler = new DefaultErrorHandler((record, error) -> {
            boolean malformed = causedBy(error, MalformedEventException.class)
                    || causedBy(error, DeserializationException.class);
            metrics.orgLimitsSkipped(malformed);
            log.warn("Skipping the record at {}-{}@{} (key {}){}: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), malformed ? "" : " after retries", rootCause(error).toString());
        }, new FixedBackOff(1_000, 2));
        handler.setBackOffFunction(
                (record, error) -> causedBy(error, RedisUnavailableException.class) ? untilRedisIsBack() : null);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    private static BackOff untilRedisIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY.toMillis(), 2.0);
        backOff.setMaxInterval(MOST_BETWEEN_RETRIES.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
