package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every state change reaches {@code parley.meeting.events} on a real broker, keyed by
 * meeting, in order.
 */
class MeetingEventsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningMeetingService service;

    private static MeetingApiClient api;

    private static MeetingEventsProbe probe;

    @BeforeAll
    static void start() {
        service = RunningMeetingService.start();
        api = new MeetingApiClient(service.client());
        probe = new MeetingEventsProbe(SharedInfrastructure.kafka());
    }

    @AfterAll
    static void stop() {
        probe.close();
        service.close();
    }

    @Test
    void publishesEveryChangeOfAMeetingInOrderWithTypeKeyAndData() {
        var created = api.create(Map.of("hostName", "Ada", "title", "Review", "maxParticipants", 5, "media", "sfu"));
        String id = created.meetingId();
        var grace = api.join(id, "Grace");
        var alan = api.join(id, "Alan");
        api.post("/api/meetings/{id}/mute-all", created.hostToken(), id).expectStatus().isNoContent();
        api.post("/api/meetings/{id}/participants/{pid}/mute", created.hostToken(), id, grace.participantId())
            .expectStatus()
            .isNoContent();
        api.postJson("/api/meetings/{id}/timer", created.hostToken(), Map.of("preset", "seconds_45"), id)
            .expectStatus()
            .isOk();
        api.delete("/api/meetings/{id}/participants/{pid}", created.hostToken(), id, alan.participantId())
            .expectStatus()
            .isNoContent();
        api.delete("/api/meetings/{id}/participants/{pid}", grace.token(), id, grace.participantId())
            .expectStatus()
            .isNoContent();
        api.post("/api/meetings/{id}/lock", created.hostToken(), id).expectStatus().isNoContent();
        api.post("/api/meetings/{id}/end", created.hostToken(), id).expectStatus().isNoContent();

        List<ConsumerRecord<String, CloudEvent>> events = await().atMost(Duration.ofSeconds(30))
            .until(() -> probe.eventsOf(id), list -> list.size() >= 10);

        assertThat(events).extracting(record -> record.value().getType())
            .containsExactly("io.parley.meeting.created", "io.parley.meeting.participant-joined",
                    "io.parley.meeting.participant-joined", "io.parley.meeting.muted-all",
                    "io.parley.meeting.participant-muted", "io.parley.meeting.timer-started",
                    "io.parley.meeting.participant-removed", "io.parley.meeting.participant-removed",
                    "io.parley.meeting.locked", "io.parley.meeting.ended");
        for (int i = 0; i < events.size(); i++) {
            CloudEvent event = events.get(i).value();
            assertThat(event.getId()).isEqualTo(id + "-" + (i + 1));
            assertThat(event.getSubject()).isEqualTo(id);
            assertThat(event.getSource()).hasToString("/parley/meeting-service");
            assertThat(event.getDataContentType()).isEqualTo("application/json");
            JsonNode data = data(event);
            assertThat(data.get("meetingId").asString()).isEqualTo(id);
            assertThat(data.get("sequence").asLong()).isEqualTo(i + 1);
        }

        JsonNode createdData = data(events.get(0).value());
        assertThat(createdData.get("title").asString()).isEqualTo("Review");
        assertThat(createdData.get("maxParticipants").asInt()).isEqualTo(5);
        assertThat(createdData.get("media").asString()).isEqualTo("sfu");
        assertThat(createdData.get("host").get("participantId").asString()).isEqualTo(created.hostId());
        assertThat(createdData.get("host").get("role").asString()).isEqualTo("host");
        assertThat(createdData.get("host").get("userId").asString()).startsWith("guest:");
        assertThat(createdData.get("orgId").isNull()).as("a meeting of no organization").isTrue();

        JsonNode joined = data(events.get(1).value());
        assertThat(joined.get("participant").get("participantId").asString()).isEqualTo(grace.participantId());
        assertThat(joined.get("participant").get("name").asString()).isEqualTo("Grace");
        assertThat(data(events.get(3).value()).get("by").asString()).isEqualTo(created.hostId());
        assertThat(data(events.get(4).value()).get("participantId").asString()).isEqualTo(grace.participantId());
        JsonNode timer = data(events.get(5).value());
        assertThat(timer.get("preset").asString()).isEqualTo("seconds_45");
        assertThat(timer.get("seconds").asInt()).isEqualTo(45);
        assertThat(timer.get("endsAt").asString()).isNotBlank();
        JsonNode removed = data(events.get(6).value());
        assertThat(removed.get("participantId").asString()).isEqualTo(alan.participantId());
        assertThat(removed.get("reason").asString()).isEqualTo("removed");
        JsonNode left = data(events.get(7).value());
        assertThat(left.get("participantId").asString()).isEqualTo(grace.participantId());
        assertThat(left.get("reason").asString()).isEqualTo("left");
        assertThat(data(events.get(9).value()).get("by").asString()).isEqualTo(created.hostId());
    }

    @Test
    void emitsNothingForRefusedCommandsOrARepeatedLock() {
        var created = api.create("Ada", 2);
        String id = created.meetingId();
        var grace = api.join(id, "Grace");
        api.post("/api/meetings/{id}/mute-all", grace.token(), id).expectStatus().isForbidden();
        service.client()
            .post()
            .uri("/api/meetings/{id}/participants", id)
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Third"))
            .exchange()
            .expectStatus()
            .isEqualTo(409);
        api.post("/api/meetings/{id}/lock", created.hostToken(), id).expectStatus().isNoContent();
        api.post("/api/meetings/{id}/lock", created.hostToken(), id).expectStatus().isNoContent();
        api.post("/api/meetings/{id}/end", created.hostToken(), id).expectStatus().isNoContent();

        List<ConsumerRecord<String, CloudEvent>> events = await().atMost(Duration.ofSeconds(30))
            .until(() -> probe.eventsOf(id), list -> list.stream()
                .anyMatch(record -> record.value().getType().equals("io.parley.meeting.ended")));

        assertThat(events).extracting(record -> record.value().getType())
            .containsExactly("io.parley.meeting.created", "io.parley.meeting.participant-joined",
                    "io.parley.meeting.locked", "io.parley.meeting.ended");
    }

    private static JsonNode data(CloudEvent event) {
        return JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

}
