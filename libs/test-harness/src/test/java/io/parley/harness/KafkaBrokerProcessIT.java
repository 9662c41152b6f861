package io.parley.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessIT {

    @TempDir
    Path dataDir;

    @Test
    void recordProducedBeforeARestartIsConsumedAfterIt() throws Exception {
        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(dataDir)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("durable", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("durable", "k", "before restart")).get();
            }

            kafka.restart();

            assertThat(kafka.isRunning()).isTrue();
            assertThat(consumeAll(kafka, "durable")).extracting(ConsumerRecord::value)
                .containsExactly("before restart");
        }
    }

    @Test
    void killedBrokerComesBackWithItsData() throws Exception {
        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(dataDir)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("crashy", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("crashy", "k", "acknowledged")).get();
                producer.flush();
            }

            kafka.kill();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();

            assertThat(consumeAll(kafka, "crashy")).extracting(ConsumerRecord::value).containsExactly("acknowledged");
        }
    }

    @Test
    void pausedBrokerAnswersNothingAndServesAgainOnceResumed() throws Exception {
        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(dataDir);
                Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("paused", 1, (short) 1))).all().get();

            kafka.pause();

            assertThat(kafka.isRunning()).isTrue();
            assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000)).nodes().get())
                .hasCauseInstanceOf(TimeoutException.class);

            kafka.resume();

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("paused", "k", "after resume")).get();
            }
            assertThat(consumeAll(kafka, "paused")).extracting(ConsumerRecord::value).containsExactly("after resume");
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAll(KafkaBrokerProcess kafka, String topic) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                kafka.bootstrapServers(), "group.id", "after-" + topic, "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        return received;
    }

}
