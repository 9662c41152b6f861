package io.parley.support.kafka;

import java.util.Arrays;

import io.parley.events.Topic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * For services with Kafka on the class path: a {@code kafka} health contributor for the
 * readiness group, and every topic of the catalogue declared, so Kafka's admin creates
 * the missing ones at start-up with the catalogue's partition counts and the broker's
 * default replication.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
public class KafkaSupportAutoConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties());
    }

    @Bean
    KafkaAdmin.NewTopics parleyTopics() {
        return new KafkaAdmin.NewTopics(Arrays.stream(Topic.values())
            .map(topic -> TopicBuilder.name(topic.topicName()).partitions(topic.partitions()).build())
            .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

}
