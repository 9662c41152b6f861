package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.events.Topic;
import io.parley.harness.Ports;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/me/export} with the account's recordings, which the real
 * recording-service (a child JVM) lists for the person's own access token; and the 503
 * when recording-service cannot be reached (a port nobody listens on), never an export
 * that silently lacks them.
 */
class ExportIT {

    private static final EventCodec CODEC = new EventCodec(JsonMapper.builder().findAndAddModules().build(),
            "meeting-service", Clock.systemUTC());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RecordingServiceProcess recordings;

    private static RunningPeopleService service;

    /** The same database, but recording-service is out of its reach. */
    private static RunningPeopleService cut;

    private static KafkaProducer<String, CloudEvent> producer;

    @BeforeAll
    static void start() {
        recordings = RecordingServiceProcess.reserve();
        service = RunningPeopleService.start("export_it", recordings.urlArgument());
        cut = RunningPeopleService.start("export_it",
                "--parley.people.export.recordings-url=http://127.0.0.1:" + Ports.freePort());
        recordings.start(service, "export_it_recordings");
        Map<String, Object> config = new HashMap<>(EventCodec.producerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        producer = new KafkaProducer<>(config);
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (recordings != null) {
            recordings.close();
        }
        if (cut != null) {
            cut.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private static String email() {
        return "e-" + UUID.randomUUID() + "@example.org";
    }

    @Test
    void anAccountWithoutRecordingsExportsAnEmptyListOfThem() {
        String email = email();
        var ada = new PeopleClient(service.client()).signUp(email, "Ada", "nothing recorded yet");

        JsonNode export = export(service.client(), ada);

        assertThat(export.path("account").path("accountId").asString()).isEqualTo(ada.accountId());
        assertThat(export.path("account").path("email").asString()).isEqualTo(email);
        assertThat(export.path("sessions").size()).isOne();
        assertThat(export.path("recordings").isArray()).isTrue();
        assertThat(export.path("recordings").size()).isZero();
    }

    @Test
    void theExportListsTheRecordingsOfMeetingsTheAccountHostedAsRecordingServiceListsThem() throws Exception {
        PeopleClient people = new PeopleClient(service.client());
        var ada = people.signUp(email(), "Ada", "recorded meetings");
        var grace = people.signUp(email(), "Grace", "never recorded");
        String meetingId = "m-" + UUID.randomUUID().toString().substring(0, 8);
        String recordingId = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(30);
        recordingStarted(meetingId, recordingId, startedAt, ada.accountId());

        JsonNode listed = await("recording-service to list the recording").atMost(Duration.ofSeconds(60))
            .until(() -> export(service.client(), ada).path("recordings"), list -> list.size() == 1)
            .path(0);

        assertThat(listed.path("recordingId").asString()).isEqualTo(recordingId);
        assertThat(listed.path("meetingId").asString()).isEqualTo(meetingId);
        assertThat(listed.path("state").asString()).isEqualTo("recording");
        assertThat(Instant.parse(listed.path("startedAt").asString())).isEqualTo(startedAt);
        assertThat(listed.path("url").asString()).isEqualTo("/api/recordings/" + recordingId + "/file");
        assertThat(export(service.client(), grace).path("recordings").size()).as("another account's export").isZero();
    }

    @Test
    void whenRecordingServiceCannotBeReachedTheExportIs503WithRetryAfterNotAnExportWithoutRecordings() {
        var ada = new PeopleClient(cut.client()).signUp(email(), "Ada", "recordings out of reach");
        MeterRegistry registry = cut.bean(MeterRegistry.class);
        double before = registry.counter("parley.people.export.recording-service.failures", "reason", "unreachable")
            .count();

        cut.client()
            .get()
            .uri("/api/me/export")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(ada))
            .exchange()
            .expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
            .expectHeader()
            .doesNotExist(HttpHeaders.CONTENT_DISPOSITION)
            .expectBody()
            .jsonPath("$.title")
            .isEqualTo("Service Unavailable")
            .jsonPath("$.status")
            .isEqualTo(503)
            .jsonPath("$.account")
            .doesNotExist();

        assertThat(registry.counter("parley.people.export.recording-service.failures", "reason", "unreachable").count())
            .isEqualTo(before + 1);
    }

    private static JsonNode export(WebTestClient client, PeopleClient.SignedIn who) {
        byte[] body = client.get()
            .uri("/api/me/export")
            .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(who))
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"parley-account.json\"")
            .expectBody()
            .returnResult()
            .getResponseBody();
        return JSON.readTree(body);
    }

    private static void recordingStarted(String meetingId, String recordingId, Instant startedAt, String hostAccountId)
            throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meetingId", meetingId);
        data.put("recordingId", recordingId);
        data.put("startedAt", startedAt.toString());
        data.put("by", "p-host");
        data.put("hostParticipantId", "p-host");
        data.put("hostAccountId", hostAccountId);
        data.put("orgId", null);
        data.put("maxSeconds", 14400);
        producer
            .send(new ProducerRecord<>(Topic.MEETING_EVENTS.topicName(), meetingId,
                    CODEC.encode(EventType.RECORDING_STARTED, meetingId, data)))
            .get();
    }

}
