package io.parley.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.junit.LocalInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(LocalInfrastructure.class)
class EventCodecKafkaIT {

    record Sample(String meetingId, double rttMs) {
    }

    private final EventCodec codec = new EventCodec(JsonMapper.builder().build(), "metrics-collector",
            Clock.systemUTC());

    @Test
    void eventSurvivesARoundTripThroughARealBrokerInBinaryMode(KafkaBrokerProcess kafka) throws Exception {
        String topic = "roundtrip-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        CloudEvent sent = codec.encode(EventType.QUALITY_SAMPLE, "m-7", new Sample("m-7", 42.5));

        Map<String, Object> producerConfig = new HashMap<>(EventCodec.producerProperties());
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(producerConfig)) {
            producer.send(new ProducerRecord<>(topic, "m-7", sent)).get();
        }

        Map<String, Object> consumerConfig = new HashMap<>(EventCodec.consumerProperties());
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "roundtrip");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, CloudEvent>> received = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }

        assertThat(received).hasSize(1);
        ConsumerRecord<String, CloudEvent> record = received.get(0);
        assertThat(record.key()).isEqualTo("m-7");
        assertThat(record.headers()).extracting(Header::key)
            .contains("ce_id", "ce_type", "ce_source", "ce_specversion");
        assertThat(new String(record.value().getData().toBytes())).isEqualTo("{\"meetingId\":\"m-7\",\"rttMs\":42.5}");
        CloudEvent event = record.value();
        assertThat(event.getId()).isEqualTo(sent.getId());
        assertThat(event.getType()).isEqualTo("io.parley.quality.quality-sample");
        assertThat(codec.decode(event, Sample.class)).isEqualTo(new Sample("m-7", 42.5));
    }

}
