package io.parley.streamlimit;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.Topic;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code parley.stream.events} from the moment it is created, for assertions on
 * what the service emitted. Create it after a service started: the service creates the
 * topic.
 */
public final class StreamEventsReader implements AutoCloseable {

    public record Event(String id, String type, String key, JsonNode data) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, CloudEvent> consumer;

    private final List<Event> seen = new ArrayList<>();

    public StreamEventsReader() {
        java.util.HashMap<String, Object> properties = new java.util.HashMap<>(EventCodec.consumerProperties());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = new ArrayList<>();
        for (int i = 0; i < Topic.STREAM_EVENTS.partitions(); i++) {
            partitions.add(new TopicPartition(Topic.STREAM_EVENTS.topicName(), i));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits until an event of the type for the user matches, and returns it. */
    public Event await(EventType type, String userId, Predicate<JsonNode> matching) {
        Event[] found = new Event[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            found[0] = seen.stream()
                .filter(event -> event.type().equals(type.ceType()) && userId.equals(event.key())
                        && matching.test(event.data()))
                .findFirst()
                .orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** Everything read so far, after one more poll. */
    public List<Event> events() {
        poll();
        return List.copyOf(seen);
    }

    private void poll() {
        for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
            CloudEvent event = record.value();
            seen.add(new Event(event.getId(), event.getType(), record.key(), JSON.readTree(event.getData().toBytes())));
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }

}
