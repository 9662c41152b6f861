package io.parley.streamlimit.events;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.parley.events.MalformedEventException;
import io.parley.streamlimit.StreamMetrics;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfiguration {

    /**
     * Every consumer of the service reads through an {@link ErrorHandlingDeserializer}: a
     * record that is not a CloudEvent reaches the error handler as one failed record,
     * skipped and counted, instead of failing every poll of its partition (with the plain
     * deserializer the consumer would retry the same poll forever and no later record of
     * the partition would ever be handled).
     */
    @Bean
    @SuppressWarnings({ "unchecked", "rawtypes" })
    DefaultKafkaConsumerFactoryCustomizer tolerantCloudEventDeserializer() {
        // the factory is typed <?, ?>: the raw view is the only way to hand it a
        // deserializer of a concrete type
        return factory -> ((DefaultKafkaConsumerFactory) factory)
            .setValueDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(new CloudEventDeserializer()));
    }

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
