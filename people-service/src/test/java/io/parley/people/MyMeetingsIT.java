package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.Topic;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/me/meetings}, built from meeting-service's events and kept in
 * PostgreSQL.
 */
class MyMeetingsIT {

    private static RunningPeopleService service;

    private static KafkaProducer<String, CloudEvent> producer;

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().findAndAddModules().build(),
            "meeting-service", Clock.systemUTC());

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("my_meetings_it");
        Map<String, Object> config = new HashMap<>(EventCodec.producerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        producer = new KafkaProducer<>(config);
    }

    @AfterAll
    static void stop() {
        producer.close();
        service.close();
    }

    private static void publish(EventType type, String meetingId, Object data) throws Exception {
        producer
            .send(new ProducerRecord<>(Topic.MEETING_EVENTS.topicName(), meetingId,
                    CODEC.encode(type, meetingId, data)))
            .get();
    }

    private static Map<String, Object> participant(String id, String name, String role, String userId) {
        return Map.of("participantId", id, "name", name, "role", role, "userId", userId);
    }

    @Test
    void hostedAndJoinedMeetingsAreListedNewestFirstWithTheirParticipants() throws Exception {
        PeopleClient people = new PeopleClient(service.client());
        var ada = people.signUp("ada-" + UUID.randomUUID() + "@example.org", "Ada", "history is kept");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        String hosted = "aaaa-" + UUID.randomUUID().toString().substring(0, 8);
        String joined = "bbbb-" + UUID.randomUUID().toString().substring(0, 8);
        String anonymous = "cccc-" + UUID.randomUUID().toString().substring(0, 8);

        publish(EventType.MEETING_CREATED, hosted, Map.of("meetingId", hosted, "title", "Standup", "maxParticipants",
                10, "host", participant("p1", "Ada", "host", ada.accountId()), "createdAt", t0.toString()));
        publish(EventType.PARTICIPANT_JOINED, hosted,
                Map.of("meetingId", hosted, "participant",
                        participant("p2", "A Guest", "participant", "guest:" + UUID.randomUUID()), "joinedAt",
                        t0.plusSeconds(5).toString()));
        // a join that arrives before its meeting's creation still counts
        publish(EventType.PARTICIPANT_JOINED, joined, Map.of("meetingId", joined, "participant",
                participant("p3", "Ada", "participant", ada.accountId()), "joinedAt", t0.plusSeconds(30).toString()));
        publish(EventType.MEETING_CREATED, joined,
                Map.of("meetingId", joined, "title", "Review", "maxParticipants", 10, "host",
                        participant("p4", "Bob", "host", "guest:" + UUID.randomUUID()), "createdAt",
                        t0.plusSeconds(20).toString()));
        publish(EventType.MEETING_CREATED, anonymous, Map.of("meetingId", anonymous, "maxParticipants", 10, "host",
                participant("p5", "Eve", "host", "guest:x"), "createdAt", t0.toString()));
        publish(EventType.MEETING_ENDED, hosted,
                Map.of("meetingId", hosted, "by", "p1", "at", t0.plusSeconds(50).toString()));
        // redelivered: changes nothing
        publish(EventType.PARTICIPANT_JOINED, hosted, Map.of("meetingId", hosted, "participant",
                participant("p2", "A Guest", "participant", "guest:y"), "joinedAt", t0.plusSeconds(5).toString()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<?, ?> page = myMeetings(ada, "?limit=1");
            List<Map<String, Object>> meetings = (List<Map<String, Object>>) page.get("meetings");
            assertThat(meetings).hasSize(1);
            assertThat(meetings.get(0)).containsEntry("meetingId", joined)
                .containsEntry("title", "Review")
                .containsEntry("role", "participant");
            assertThat(page.get("next")).isNotNull();
            Map<?, ?> second = myMeetings(ada, "?limit=1&before=" + page.get("next"));
            List<Map<String, Object>> older = (List<Map<String, Object>>) second.get("meetings");
            assertThat(older).hasSize(1);
            assertThat(older.get(0)).containsEntry("meetingId", hosted)
                .containsEntry("role", "host")
                .containsEntry("endedAt", t0.plusSeconds(50).toString());
            assertThat((List<Map<String, Object>>) older.get(0).get("participants")).extracting(p -> p.get("name"))
                .containsExactly("Ada", "A Guest");
        });
        assertThat((List<?>) myMeetings(ada, "?limit=100").get("meetings")).hasSize(2);
    }

    @Test
    void badPagingIsA400AndNoTokenA401() {
        var bob = new PeopleClient(service.client()).signUp("bob-" + UUID.randomUUID() + "@example.org", "Bob",
                "paging by cursor");
        String farFuture = java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("+300000-01-01T00:00:00Z|x".getBytes());
        String nul = java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("2026-01-01T00:00:00Z|a\u0000b".getBytes());
        for (String query : List.of("?limit=0", "?limit=101", "?limit=x", "?before=garbage", "?before=" + farFuture,
                "?before=" + nul)) {
            service.client()
                .get()
                .uri("/api/me/meetings" + query)
                .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(bob))
                .exchange()
                .expectStatus()
                .isBadRequest();
        }
        service.client().get().uri("/api/me/meetings").exchange().expectStatus().isUnauthorized();
    }

    private static Map<?, ?> myMeetings(PeopleClient.SignedIn person, String query) {
        return service.client()
            .get()
            .uri("/api/me/meetings" + query)
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(person))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    }

}
