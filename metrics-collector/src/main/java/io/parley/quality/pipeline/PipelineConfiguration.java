package io.parley.quality.pipeline;

import io.cloudevents.kafka.CloudEventDeserializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    /**
     * A record that is not a CloudEvent arrives with a null value instead of failing the
     * poll, so the listener can skip it rather than stall its partition.
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
     * A failed batch (Redis down or slow) is retried, paused but still polling so the
     * group keeps its partitions, with growing pauses and without limit: giving up would
     * commit past samples that were never recorded.
     */
    @Bean
    CommonErrorHandler retryBatchesUntilStored() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }

}
