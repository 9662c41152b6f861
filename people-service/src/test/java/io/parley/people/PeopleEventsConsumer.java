package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.parley.events.Topic;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code parley.people.events} from the start, as signaling-service will, keeping
 * what tests ask for.
 */
final class PeopleEventsConsumer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;

    private final List<Event> seen = new ArrayList<>();

    /**
     * One event: its CloudEvents type without the {@code io.parley.people.} prefix, its
     * key, its data.
     */
    record Event(String type, String key, JsonNode data) {
    }

    PeopleEventsConsumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "people-events-contract-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topic.PEOPLE_EVENTS.topicName()));
    }

    /**
     * The events keyed by any of these accounts, in order, once {@code until} holds for
     * them.
     */
    List<Event> of(Set<String> accounts, Predicate<List<Event>> until) {
        List<Event> theirs = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200))
                .forEach(
                        record -> seen.add(new Event(
                                new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                                    .substring("io.parley.people.".length()),
                                record.key(), JSON.readTree(record.value()))));
            theirs.clear();
            seen.stream().filter(event -> accounts.contains(event.key())).forEach(theirs::add);
            return until.test(theirs);
        });
        return theirs;
    }

    /** Every event has its recipient as key and as {@code accountId}. */
    static void assertAddressed(List<Event> events) {
        for (Event event : events) {
            assertThat(event.data().path("accountId").asString()).as(event.toString()).isEqualTo(event.key());
        }
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Override
    public void close() {
        consumer.close();
    }

}
