package io.parley.meeting.participant;

import java.util.HashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.parley.meeting.MeetingProperties;
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
 * The presence consumer. A record that is not a CloudEvent is logged and skipped instead
 * of blocking the partition (the error-handling deserializer turns it into a
 * non-retryable error); a Redis outage is retried with backoff for about a minute per
 * record, after which the record is skipped: presence is refreshed by the next event
 * anyway.
 */
@Configuration(proxyBeanMethods = false)
class PresenceConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, CloudEvent> presenceListenerFactory(KafkaProperties kafka,
            MeetingProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.presence().groupId());
        var consumers = new DefaultKafkaConsumerFactory<String, CloudEvent>(config, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new CloudEventDeserializer()));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, CloudEvent>();
        factory.setConsumerFactory(consumers);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(60_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

}
