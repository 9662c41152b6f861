package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.parley.events.Topic;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Changes reach {@code parley.people.events} through the outbox, keyed by the account, as
 * CloudEvents.
 */
class PeopleEventsIT {

    private static RunningPeopleService service;

    private static KafkaConsumer<String, String> consumer;

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("people_events_it");
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "people-events-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topic.PEOPLE_EVENTS.topicName()));
    }

    @AfterAll
    static void stop() {
        consumer.close();
        service.close();
    }

    @Test
    void signUpAndSessionRevocationArePublishedKeyedByTheAccount() {
        String email = "events-" + UUID.randomUUID() + "@example.org";
        PeopleClient people = new PeopleClient(service.client());
        var signedIn = people.signUp(email, "Evented", "events are durable");
        service.client()
            .delete()
            .uri("/api/me/sessions")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
            .exchange()
            .expectStatus()
            .isNoContent();

        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (signedIn.accountId().equals(record.key())) {
                    mine.add(record);
                }
            });
            assertThat(mine).extracting(PeopleEventsIT::type)
                .containsExactly("io.parley.people.account-created", "io.parley.people.session-revoked");
        });
        assertThat(mine.get(0).value()).contains("\"accountId\":\"" + signedIn.accountId() + "\"");
        assertThat(mine.get(1).value()).contains("\"reason\":\"signed-out-everywhere\"");
        assertThat(service.client()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody()).contains("parley_people_events_published_total");
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

}
