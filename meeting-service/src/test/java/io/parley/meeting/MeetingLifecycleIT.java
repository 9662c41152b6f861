package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Meetings, participants and host controls end to end on real Redis and Kafka. */
class MeetingLifecycleIT {

    private static RunningMeetingService service;

    private static WebTestClient client;

    private static MeetingApiClient api;

    @BeforeAll
    static void start() {
        service = RunningMeetingService.start();
        client = service.client();
        api = new MeetingApiClient(client);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void createsAMeetingWithTheHostAsFirstParticipant() {
        var created = api.create(Map.of("hostName", "  Ada  ", "title", "Stand-up"));

        assertThat(created.meetingId()).matches("[a-z]{4}-[a-z]{4}-[a-z]{4}");
        assertThat(created.body()).containsEntry("joinUrl", "http://localhost:8080/m/" + created.meetingId())
            .containsEntry("created", true);
        Map<String, Object> meeting = api.get(created.meetingId());
        assertThat(meeting).containsEntry("state", "open")
            .containsEntry("title", "Stand-up")
            .containsEntry("maxParticipants", 50)
            .containsEntry("media", "auto")
            .containsEntry("timer", null);
        assertThat(participants(meeting)).singleElement()
            .satisfies(host -> assertThat(host).containsEntry("participantId", created.hostId())
                .containsEntry("name", "Ada")
                .containsEntry("role", "host")
                .containsEntry("muted", false)
                .containsEntry("online", false));
    }

    /** The snapshot signaling-service reads for {@code welcome.meeting} carries it. */
    @Test
    void keepsTheHostsMediaChoiceAndReadsNoneAsAuto() {
        for (String media : List.of("sfu", "mesh", "auto")) {
            var created = api.create(Map.of("hostName", "Ada", "media", media));

            assertThat(api.get(created.meetingId())).containsEntry("media", media);
        }
        Map<String, Object> absent = new HashMap<>();
        absent.put("hostName", "Ada");
        absent.put("media", null);
        assertThat(api.get(api.create(absent).meetingId())).containsEntry("media", "auto");
        var older = api.create(Map.of("hostName", "Ada", "media", "sfu"));
        // as a meeting stored before the field existed
        Long removed = service.bean(ReactiveStringRedisTemplate.class)
            .opsForHash()
            .remove("meeting:{m:" + older.meetingId() + "}", "media")
            .block();
        assertThat(removed).as("media stored in the meeting hash").isEqualTo(1L);
        assertThat(api.get(older.meetingId())).containsEntry("media", "auto");
    }

    @Test
    void joinsAsAGuestAndListsTheParticipant() {
        var created = api.create("Ada");

        var joined = api.join(created.meetingId(), "Grace 🚀");

        assertThat(participants(api.get(created.meetingId()))).extracting(p -> p.get("name"), p -> p.get("role"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("Ada", "host"),
                    org.assertj.core.groups.Tuple.tuple("Grace 🚀", "participant"));
        assertThat(joined.token()).isNotBlank();
    }

    @Test
    void hostMutesEveryoneButThemselvesAndAParticipantMayNot() {
        var created = api.create("Ada");
        var grace = api.join(created.meetingId(), "Grace");
        var alan = api.join(created.meetingId(), "Alan");

        api.post("/api/meetings/{id}/mute-all", grace.token(), created.meetingId())
            .expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("not-host");
        api.post("/api/meetings/{id}/mute-all", created.hostToken(), created.meetingId()).expectStatus().isNoContent();

        assertThat(participants(api.get(created.meetingId())))
            .extracting(p -> p.get("participantId"), p -> p.get("muted"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple(created.hostId(), false),
                    org.assertj.core.groups.Tuple.tuple(grace.participantId(), true),
                    org.assertj.core.groups.Tuple.tuple(alan.participantId(), true));
    }

    @Test
    void hostMutesOneParticipantAndOthersMayNot() {
        var created = api.create("Ada");
        var grace = api.join(created.meetingId(), "Grace");
        var alan = api.join(created.meetingId(), "Alan");

        api.post("/api/meetings/{id}/participants/{pid}/mute", alan.token(), created.meetingId(), grace.participantId())
            .expectStatus()
            .isForbidden();
        api.post("/api/meetings/{id}/participants/{pid}/mute", created.hostToken(), created.meetingId(),
                grace.participantId())
            .expectStatus()
            .isNoContent();
        api.post("/api/meetings/{id}/participants/{pid}/mute", created.hostToken(), created.meetingId(),
                "p0000000000000000")
            .expectStatus()
            .isNotFound();

        assertThat(participants(api.get(created.meetingId()))).filteredOn(p -> Boolean.TRUE.equals(p.get("muted")))
            .extracting(p -> p.get("participantId"))
            .containsExactly(grace.participantId());
    }

    @Test
    void startsAThirtySecondTimerThatLateJoinersSeeAndRefusesUnknownPresets() {
        var created = api.create("Ada");
        double invalidBefore = hostCommands("timer", "invalid");

        Map<?, ?> timer = api
            .postJson("/api/meetings/{id}/timer", created.hostToken(), Map.of("preset", "seconds_30"),
                    created.meetingId())
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        api.postJson("/api/meetings/{id}/timer", created.hostToken(), Map.of("preset", "seconds_20"),
                created.meetingId())
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail")
            .value(detail -> assertThat((String) detail).contains("seconds_30"));
        // the host's mistake, not the service's: counted as invalid, never as error
        assertThat(hostCommands("timer", "invalid")).isEqualTo(invalidBefore + 1);
        assertThat(hostCommands("timer", "error")).isZero();
        assertThat(api.get(created.meetingId()).get("timerPresets"))
            .isEqualTo(List.of(Map.of("preset", "seconds_15", "seconds", 15),
                    Map.of("preset", "seconds_30", "seconds", 30), Map.of("preset", "seconds_45", "seconds", 45)));

        assertThat(Instant.parse((String) timer.get("endsAt"))).isCloseTo(Instant.now().plusSeconds(30),
                within(5, ChronoUnit.SECONDS));
        api.join(created.meetingId(), "Late");
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) api.get(created.meetingId()).get("timer");
        assertThat(stored).containsEntry("preset", "seconds_30")
            .containsEntry("seconds", 30)
            .containsEntry("endsAt", timer.get("endsAt"));
        assertThat((Integer) stored.get("remainingSeconds")).isBetween(0, 30);
    }

    @Test
    void aParticipantMayLeaveButNotRemoveSomeoneElse() {
        var created = api.create("Ada");
        var grace = api.join(created.meetingId(), "Grace");
        var alan = api.join(created.meetingId(), "Alan");

        api.delete("/api/meetings/{id}/participants/{pid}", grace.token(), created.meetingId(), alan.participantId())
            .expectStatus()
            .isForbidden();
        api.delete("/api/meetings/{id}/participants/{pid}", grace.token(), created.meetingId(), grace.participantId())
            .expectStatus()
            .isNoContent();

        assertThat(participants(api.get(created.meetingId()))).extracting(p -> p.get("participantId"))
            .containsExactly(created.hostId(), alan.participantId());
        api.delete("/api/meetings/{id}/participants/{pid}", grace.token(), created.meetingId(), grace.participantId())
            .expectStatus()
            .isUnauthorized();
    }

    @Test
    void lockRefusesNewJoinsWithAConflict() {
        var created = api.create("Ada");
        var grace = api.join(created.meetingId(), "Grace");

        api.post("/api/meetings/{id}/lock", grace.token(), created.meetingId()).expectStatus().isForbidden();
        api.post("/api/meetings/{id}/lock", created.hostToken(), created.meetingId()).expectStatus().isNoContent();
        api.post("/api/meetings/{id}/lock", created.hostToken(), created.meetingId()).expectStatus().isNoContent();

        joinAttempt(created.meetingId()).expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("locked");
        assertThat(api.get(created.meetingId())).containsEntry("state", "locked");
        api.post("/api/meetings/{id}/mute-all", created.hostToken(), created.meetingId()).expectStatus().isNoContent();
    }

    @Test
    void aFullMeetingRefusesTheNextJoin() {
        var created = api.create("Ada", 3);
        api.join(created.meetingId(), "Grace");
        api.join(created.meetingId(), "Alan");

        joinAttempt(created.meetingId()).expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("full")
            .jsonPath("$.maxParticipants")
            .isEqualTo(3)
            .jsonPath("$.detail")
            .isEqualTo("The meeting is full: it admits 3 participants, host included.");
    }

    @Test
    void leavingFreesASeat() {
        var created = api.create("Ada", 2);
        var grace = api.join(created.meetingId(), "Grace");
        joinAttempt(created.meetingId()).expectStatus().isEqualTo(409);

        api.delete("/api/meetings/{id}/participants/{pid}", grace.token(), created.meetingId(), grace.participantId())
            .expectStatus()
            .isNoContent();

        api.join(created.meetingId(), "Alan");
    }

    @Test
    void endingRefusesJoinsAndHostControlsAndKeepsTheMeetingReadable() {
        var created = api.create("Ada");
        var grace = api.join(created.meetingId(), "Grace");

        api.post("/api/meetings/{id}/end", grace.token(), created.meetingId()).expectStatus().isForbidden();
        api.post("/api/meetings/{id}/end", created.hostToken(), created.meetingId()).expectStatus().isNoContent();

        joinAttempt(created.meetingId()).expectStatus()
            .isEqualTo(409)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("ended");
        for (String command : List.of("mute-all", "lock", "end")) {
            api.post("/api/meetings/{id}/" + command, created.hostToken(), created.meetingId())
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("ended");
        }
        api.postJson("/api/meetings/{id}/timer", created.hostToken(), Map.of("preset", "seconds_15"),
                created.meetingId())
            .expectStatus()
            .isEqualTo(409);
        api.delete("/api/meetings/{id}/participants/{pid}", created.hostToken(), created.meetingId(),
                grace.participantId())
            .expectStatus()
            .isEqualTo(409);
        Map<String, Object> meeting = api.get(created.meetingId());
        assertThat(meeting).containsEntry("state", "ended");
        assertThat(meeting.get("endedAt")).isNotNull();
    }

    @Test
    void aTokenForOneMeetingIsForbiddenOnAnother() {
        var first = api.create("Ada");
        var second = api.create("Grace");

        api.post("/api/meetings/{id}/mute-all", first.hostToken(), second.meetingId())
            .expectStatus()
            .isForbidden()
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("other-meeting");
        api.delete("/api/meetings/{id}/participants/{pid}", first.hostToken(), second.meetingId(), second.hostId())
            .expectStatus()
            .isForbidden();
    }

    @Test
    void unknownMeetingsAreNotFound() {
        var created = api.create("Ada");

        for (String id : List.of("zzzz-zzzz-zzzz", "no-such-room", "NOPE", "%F0%9F%9A%80", "x".repeat(2000))) {
            client.get()
                .uri("/api/meetings/" + id)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            api.post("/api/meetings/" + id + "/mute-all", created.hostToken()).expectStatus().isNotFound();
            joinAttempt(id).expectStatus().isNotFound();
        }
    }

    /**
     * parley_meetings_host_commands_total{command, outcome}, as Prometheus would scrape
     * it.
     */
    private static double hostCommands(String command, String outcome) {
        Counter counter = service.bean(MeterRegistry.class)
            .find("parley.meetings.host.commands")
            .tags("command", command, "outcome", outcome)
            .counter();
        return counter == null ? 0 : counter.count();
    }

    private static WebTestClient.ResponseSpec joinAttempt(String meetingId) {
        return client.post()
            .uri("/api/meetings/" + meetingId + "/participants")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", "Late"))
            .exchange();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> participants(Map<String, Object> meeting) {
        return (List<Map<String, Object>>) meeting.get("participants");
    }

}
