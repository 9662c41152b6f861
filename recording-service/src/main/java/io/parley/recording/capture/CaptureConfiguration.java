package io.parley.recording.capture;

import java.util.HashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The meeting-events consumer (group {@value #GROUP}). A record that is not a CloudEvent
 * is skipped instead of blocking the partition; a database outage is retried with backoff
 * without end, so no recording's start or stop is lost while PostgreSQL is away (consumer
 * lag shows it).
 */
@Configuration(proxyBeanMethods = false)
class CaptureConfiguration {

    static final String GROUP = "recording-service";

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> recordingListenerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        var consumers = new DefaultKafkaConsumerFactory<String, CloudEvent>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new CloudEventDeserializer()));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
        factory.setConsumerFactory(consumers);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(10_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

}
