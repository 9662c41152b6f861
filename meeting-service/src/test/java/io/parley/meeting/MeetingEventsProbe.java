package io.parley.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.Topic;
import io.parley.harness.KafkaBrokerProcess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code parley.meeting.events} from the beginning, as any consumer would, keeping
 * what one meeting got.
 */
final class MeetingEventsProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, CloudEvent> consumer;

    private final List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();

    MeetingEventsProbe(KafkaBrokerProcess kafka) {
        Map<String, Object> config = new HashMap<>(EventCodec.consumerProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (int i = 0; i < Topic.MEETING_EVENTS.partitions(); i++) {
            partitions.add(new TopicPartition(Topic.MEETING_EVENTS.topicName(), i));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Every event so far with this key, in offset order (one meeting's events share a
     * partition).
     */
    List<ConsumerRecord<String, CloudEvent>> eventsOf(String meetingId) {
        consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
        return seen.stream().filter(record -> meetingId.equals(record.key())).toList();
    }

    /** Every event so far of one type with this key, in order. */
    List<ConsumerRecord<String, CloudEvent>> eventsOf(String meetingId, String type) {
        return eventsOf(meetingId).stream().filter(record -> type.equals(record.value().getType())).toList();
    }

    static JsonNode data(ConsumerRecord<String, CloudEvent> record) {
        return JSON.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        consumer.close();
    }

}
