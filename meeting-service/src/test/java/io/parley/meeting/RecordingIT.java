package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.harness.SharedInfrastructure;
import io.parley.harness.http.OversizedBodies;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

/**
 * The host starts and stops a recording on real Redis and Kafka: who may, the 409s, the
 * meeting view, concurrent starts, and the events with their data.
 */
class RecordingIT {

    static final String STARTED = "io.parley.meeting.recording-started";

    static final String STOPPED = "io.parley.meeting.recording-stopped";

    private static final String RECORDING = "/api/meetings/{id}/recording";

    private static RunningMeetingService service;

    private static MeetingApiClient api;

    private static MeetingEventsProbe probe;

    @BeforeAll
    static void start() {
        service = RunningMeetingService.start("--parley.access-tokens.jwks-uri=" + PeopleKeys.jwksUri());
        api = new MeetingApiClient(service.client());
        probe = new MeetingEventsProbe(SharedInfrastructure.kafka());
    }

    @AfterAll
    static void stop() {
        probe.close();
        service.close();
    }

    @Test
    void theHostStartsAndStopsARecordingEveryoneSeesAndItsEventsSayWhoAndWhen() {
        var created = api.create("Ada");
        String id = created.meetingId();
        var grace = api.join(id, "Grace");

        Map<String, Object> started = MeetingApiClient
            .body(api.post(RECORDING, created.hostToken(), id).expectStatus().isCreated());

        assertThat((String) started.get("recordingId")).matches("[A-Za-z0-9]{20}");
        assertThat(started).containsEntry("maxSeconds", 4 * 3600);
        assertThat(Instant.parse((String) started.get("startedAt"))).isBeforeOrEqualTo(Instant.now());
        assertThat(api.get(id)).containsEntry("recording", started);
        conflict(api.post(RECORDING, created.hostToken(), id), "recording");
        refused(api.post(RECORDING, grace.token(), id), 403).containsEntry("reason", "not-host");
        refused(api.delete(RECORDING, grace.token(), id), 403).containsEntry("reason", "not-host");

        api.delete(RECORDING, created.hostToken(), id).expectStatus().isNoContent();

        assertThat(api.get(id)).containsEntry("recording", null);
        conflict(api.delete(RECORDING, created.hostToken(), id), "not-recording");
        var startedEvent = await().atMost(Duration.ofSeconds(30))
            .until(() -> probe.eventsOf(id, STARTED), e -> !e.isEmpty());
        JsonNode startedData = MeetingEventsProbe.data(startedEvent.get(0));
        assertThat(startedData.get("meetingId").asString()).isEqualTo(id);
        assertThat(startedData.get("recordingId").asString()).isEqualTo(started.get("recordingId"));
        assertThat(startedData.get("startedAt").asString()).isEqualTo(started.get("startedAt"));
        assertThat(startedData.get("by").asString()).isEqualTo(created.hostId());
        assertThat(startedData.get("hostParticipantId").asString()).isEqualTo(created.hostId());
        assertThat(startedData.get("hostAccountId").isNull()).as("a guest host has no account").isTrue();
        assertThat(startedData.get("orgId").isNull()).isTrue();
        assertThat(startedData.get("maxSeconds").asInt()).isEqualTo(4 * 3600);
        JsonNode stopped = stoppedEvent(id);
        assertThat(stopped.get("meetingId").asString()).isEqualTo(id);
        assertThat(stopped.get("recordingId").asString()).isEqualTo(started.get("recordingId"));
        assertThat(stopped.get("startedAt").asString()).isEqualTo(started.get("startedAt"));
        assertThat(Instant.parse(stopped.get("stoppedAt").asString()))
            .isAfterOrEqualTo(Instant.parse((String) started.get("startedAt")));
        assertThat(stopped.get("reason").asString()).isEqualTo("host");
        assertThat(stopped.get("sequence").asLong()).isGreaterThan(startedData.get("sequence").asLong());
        assertThat(service.bean(MeterRegistry.class)
            .get("parley.meetings.recordings.stopped")
            .tag("reason", "host")
            .counter()
            .count()).isPositive();
    }

    @Test
    void aSignedInHostsRecordingNamesTheirAccountAndOrganization() {
        String account = UUID.randomUUID().toString();
        String org = UUID.randomUUID().toString();
        Map<String, Object> body = MeetingApiClient.body(service.client()
            .post()
            .uri("/api/meetings")
            .headers(h -> h.setBearerAuth(PeopleKeys.accessToken(account, "Owner", org)))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("access", "org", "orgId", org))
            .exchange()
            .expectStatus()
            .isCreated());
        String id = (String) body.get("meetingId");
        String hostToken = (String) MeetingApiClient.map(body.get("host")).get("token");

        api.post(RECORDING, hostToken, id).expectStatus().isCreated();

        var events = await().atMost(Duration.ofSeconds(30)).until(() -> probe.eventsOf(id, STARTED), e -> !e.isEmpty());
        JsonNode data = MeetingEventsProbe.data(events.get(0));
        assertThat(data.get("hostAccountId").asString()).isEqualTo(account);
        assertThat(data.get("orgId").asString()).isEqualTo(org);
    }

    @Test
    void ofConcurrentStartsExactlyOneRecords() {
        var created = api.create("Ada");
        String id = created.meetingId();
        WebClient client = WebClient.create(service.baseUrl());

        List<Integer> statuses = Flux.range(0, 12)
            .flatMap(i -> client.post()
                .uri(RECORDING, id)
                .headers(h -> h.setBearerAuth(created.hostToken()))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())))
            .collectList()
            .block(Duration.ofSeconds(60));

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(11);
        // a later change's event shows every event of the starts has been published
        api.post("/api/meetings/{id}/lock", created.hostToken(), id).expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> probe.eventsOf(id, "io.parley.meeting.locked"), events -> !events.isEmpty());
        assertThat(probe.eventsOf(id, STARTED)).hasSize(1);
    }

    @Test
    void refusesWithoutTokenForUnknownAndEndedMeetingsAndTooLargeBodies() {
        var created = api.create("Ada");
        String id = created.meetingId();

        WebTestClient.ResponseSpec anonymous = api.post(RECORDING, null, id);
        anonymous.expectHeader().valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*");
        refused(anonymous, 401);
        refused(api.delete(RECORDING, null, id), 401);
        refused(api.post(RECORDING, created.hostToken(), "zzzz-zzzz-zzzz"), 404);
        refused(api.delete(RECORDING, created.hostToken(), "no-such-room"), 404);
        refused(OversizedBodies.client(service.baseUrl())
            .post()
            .uri(RECORDING, id)
            .headers(h -> h.setBearerAuth(created.hostToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"note\":\"" + "x".repeat(100_000) + "\"}")
            .exchange(), 413);
        api.post("/api/meetings/{id}/end", created.hostToken(), id).expectStatus().isNoContent();
        conflict(api.post(RECORDING, created.hostToken(), id), "ended");
        conflict(api.delete(RECORDING, created.hostToken(), id), "ended");
    }

    @Test
    void refusesToStartWhileNoMediaServerAnswersAndStartsOnceOneDoes() {
        var created = api.create("Ada");
        String id = created.meetingId();
        try {
            service.mediaServerAnswers(false);

            WebTestClient.ResponseSpec refused = api.post(RECORDING, created.hostToken(), id);
            refused.expectHeader().valueEquals("Retry-After", "15");
            refused(refused, 503).hasEntrySatisfying("detail",
                    detail -> assertThat(detail.toString()).contains("media server"));
            assertThat(api.get(id)).containsEntry("recording", null);
        }
        finally {
            service.mediaServerAnswers(true);
        }
        api.post(RECORDING, created.hostToken(), id).expectStatus().isCreated();
    }

    /**
     * The body is not needed and not read as JSON: whatever it holds, the host starts.
     */
    @Test
    void ignoresTheBody() {
        var created = api.create("Ada");
        String id = created.meetingId();

        api.postJson(RECORDING, created.hostToken(), "{not json", id).expectStatus().isCreated();
        api.delete(RECORDING, created.hostToken(), id).expectStatus().isNoContent();
        service.client()
            .post()
            .uri(RECORDING, id)
            .headers(h -> h.setBearerAuth(created.hostToken()))
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("please")
            .exchange()
            .expectStatus()
            .isCreated();
    }

    private static JsonNode stoppedEvent(String meetingId) {
        List<ConsumerRecord<String, CloudEvent>> events = await().atMost(Duration.ofSeconds(30))
            .until(() -> probe.eventsOf(meetingId, STOPPED), e -> !e.isEmpty());
        return MeetingEventsProbe.data(events.get(0));
    }

    private static void conflict(WebTestClient.ResponseSpec response, String reason) {
        refused(response, 409).containsEntry("reason", reason);
    }

    private static org.assertj.core.api.MapAssert<String, Object> refused(WebTestClient.ResponseSpec response,
            int status) {
        response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        return assertThat(MeetingApiClient.body(response));
    }

}
