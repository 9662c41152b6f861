package io.parley.quality.meeting;

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
 * The meeting-events consumer: its own group ({@link #GROUP}), one record at a time (the
 * samples consumer takes batches). A record that is not a CloudEvent arrives as null and
 * is skipped; a database outage is retried with growing pauses without end, so the roster
 * waits for PostgreSQL instead of missing who took part.
 */
@Configuration(proxyBeanMethods = false)
class MeetingEventsConfiguration {

    static final String GROUP = "metrics-collector.meetings";

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> meetingEventsListenerFactory(KafkaProperties kafka) {
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
