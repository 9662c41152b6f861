package io.parley.quality.support;

import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.parley.events.Topic;
import io.parley.harness.KafkaBrokerProcess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Reads {@code parley.quality.samples} as any consumer would: the records of one meeting,
 * from the partition its key maps to. Because a meeting's records stay in order on that
 * partition, "every record up to a marker" is a complete answer — which is how tests show
 * that rejected beacons were never published.
 */
public final class SamplesTopic implements AutoCloseable {

    private static final Topic TOPIC = Topic.QUALITY_SAMPLES;

    private final KafkaConsumer<String, CloudEvent> consumer;

    private final String bootstrapServers;

    public SamplesTopic(KafkaBrokerProcess kafka) {
        this.bootstrapServers = kafka.bootstrapServers();
        Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // other tests put garbage on the topic on purpose: it reads as a null value
        // instead of failing the poll
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new CloudEventDeserializer()));
    }

    /**
     * The meeting's records, from the first, once {@code complete} holds for them; fails
     * after 30 s.
     */
    public List<ConsumerRecord<String, CloudEvent>> recordsOf(String meetingId,
            Predicate<List<ConsumerRecord<String, CloudEvent>>> complete) {
        TopicPartition partition = new TopicPartition(TOPIC.topicName(), partitionOf(meetingId));
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                if (meetingId.equals(record.key()) && record.value() != null) {
                    records.add(record);
                }
            }
            if (complete.test(records)) {
                return records;
            }
        }
        return fail("Records of meeting %s on %s did not become complete within 30 s; got %d", meetingId,
                TOPIC.topicName(), records.size());
    }

    /**
     * The record the meeting's marker sample ended with, and everything of the meeting
     * before it.
     */
    public List<ConsumerRecord<String, CloudEvent>> recordsUpTo(String meetingId, String markerSessionId) {
        return recordsOf(meetingId, records -> records.stream()
            .anyMatch(record -> data(record).contains("\"sessionId\":\"" + markerSessionId + "\"")));
    }

    /** A record no Parley producer would write: bytes without CloudEvents headers. */
    public void publishGarbage(String meetingId) throws Exception {
        Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            producer
                .send(new ProducerRecord<>(TOPIC.topicName(), meetingId,
                        "not a cloud event".getBytes(StandardCharsets.UTF_8)))
                .get();
        }
    }

    public static String data(ConsumerRecord<String, CloudEvent> record) {
        return new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
    }

    static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % TOPIC.partitions();
    }

    @Override
    public void close() {
        consumer.close();
    }

}
