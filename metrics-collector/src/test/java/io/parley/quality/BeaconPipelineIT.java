package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.cloudevents.CloudEvent;
import io.parley.harness.SharedInfrastructure;
import io.parley.quality.support.Beacons;
import io.parley.quality.support.PrometheusScrape;
import io.parley.quality.support.RepositoryFiles;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.SamplesTopic;
import io.parley.quality.support.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path of a beacon on a real broker and Redis: endpoint, topic, aggregator,
 * views and histograms.
 */
class BeaconPipelineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningCollector collector;

    private static SamplesTopic topic;

    @BeforeAll
    static void start() {
        collector = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                "--parley.quality.anonymous-beacons-enabled=true");
        topic = new SamplesTopic(SharedInfrastructure.kafka());
    }

    @AfterAll
    static void stop() {
        topic.close();
        collector.close();
    }

    private static String newMeeting() {
        return "m-" + UUID.randomUUID();
    }

    private static WebTestClient.ResponseSpec postBeacon(String body, MediaType type, String token) {
        return collector.client()
            .post()
            .uri(uri -> uri.path("/api/quality/beacons")
                .queryParamIfPresent("access_token", java.util.Optional.ofNullable(token))
                .build())
            .contentType(type)
            .bodyValue(body)
            .exchange();
    }

    private static WebTestClient.BodyContentSpec view(String meetingId, String path) {
        return collector.client()
            .get()
            .uri("/api/quality/meetings/" + meetingId + path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(meetingId, "viewer"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody();
    }

    /**
     * The participant's points in the time-series view; none while the meeting has no
     * samples yet.
     */
    private static List<JsonNode> points(String meetingId, String participantId) {
        String body = collector.client()
            .get()
            .uri("/api/quality/meetings/" + meetingId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(meetingId, "viewer"))
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        JsonNode series = JSON.readTree(body).path("participants");
        for (JsonNode participant : series) {
            if (participant.path("participantId").asString().equals(participantId)) {
                return participant.path("points").valueStream().toList();
            }
        }
        return List.of();
    }

    private static List<JsonNode> awaitPoints(String meetingId, String participantId, int points) {
        return await().atMost(Duration.ofSeconds(30))
            .until(() -> points(meetingId, participantId), found -> found.size() == points);
    }

    private static double rttBucketsAbove(double lowerBound, double upperBound) {
        PrometheusScrape scrape = collector.scrape();
        return scrape.value("parley_quality_rtt_seconds_bucket", Map.of("le", String.valueOf(upperBound)))
                - scrape.value("parley_quality_rtt_seconds_bucket", Map.of("le", String.valueOf(lowerBound)));
    }

    @Test
    void jsonBeaconIsAcknowledgedPutOnTheTopicAndShownInTheViewsAndTheHistograms() {
        String meeting = newMeeting();
        double histogramBefore = rttBucketsAbove(2.0, 5.0);

        postBeacon(Beacons.parley(meeting, "p-1", 4321), MediaType.APPLICATION_JSON, TestTokens.token(meeting, "p-1"))
            .expectStatus()
            .isNoContent();

        List<ConsumerRecord<String, CloudEvent>> records = topic.recordsOf(meeting, found -> !found.isEmpty());
        assertThat(records).hasSize(1);
        CloudEvent event = records.get(0).value();
        assertThat(event.getType()).isEqualTo("io.parley.quality.quality-sample");
        assertThat(event.getSubject()).isEqualTo(meeting);
        assertThat(event.getSource()).hasToString("/parley/metrics-collector");
        assertThat(SamplesTopic.data(records.get(0))).contains("\"participantId\":\"p-1\"", "\"rttMs\":4321.0",
                "\"format\":\"parley\"", "\"sendBitrateBps\":800000.0");

        awaitPoints(meeting, "p-1", 1);
        view(meeting, "").jsonPath("$.meetingId")
            .isEqualTo(meeting)
            .jsonPath("$.samples")
            .isEqualTo(1)
            .jsonPath("$.participants[0].points[0].stats.rttMs")
            .isEqualTo(4321.0)
            .jsonPath("$.participants[0].points[0].stats.recvBitrateBps")
            .isEqualTo(1_230_000.0)
            .jsonPath("$.participants[0].points[0].stats.videoRecvBitrateBps")
            .isEqualTo(1_200_000.0)
            .jsonPath("$.participants[0].points[0].stats.sendPacketLossPct")
            .isEqualTo(0.5)
            .jsonPath("$.participants[0].points[0].stats.jitterMs")
            .isEqualTo(4.0);
        view(meeting, "/summary").jsonPath("$.metrics.rttMs.count")
            .isEqualTo(1)
            .jsonPath("$.metrics.rttMs.p99")
            .isEqualTo(4321.0)
            .jsonPath("$.metrics.rttMs.histogram.length()")
            .isEqualTo(20);
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(rttBucketsAbove(2.0, 5.0)).isEqualTo(histogramBefore + 1));
    }

    @Test
    void textPlainBeaconAsSendBeaconSendsItIsAccepted() {
        String meeting = newMeeting();

        postBeacon(Beacons.parley(meeting, "p-2", 35), MediaType.parseMediaType("text/plain;charset=UTF-8"),
                TestTokens.token(meeting, "p-2"))
            .expectStatus()
            .isNoContent();

        assertThat(topic.recordsOf(meeting, found -> !found.isEmpty())).hasSize(1);
        awaitPoints(meeting, "p-2", 1);
    }

    @Test
    void dailyStyleBeaconIsAcceptedWithoutTokenWhereAllowedAndMappedOntoTheSample() {
        String room = "room-" + UUID.randomUUID();
        long timestamp = Instant.now().toEpochMilli();

        postBeacon(Beacons.daily(room, "daily-session-1", timestamp), MediaType.TEXT_PLAIN, null).expectStatus()
            .isNoContent();

        String data = SamplesTopic.data(topic.recordsOf(room, found -> !found.isEmpty()).get(0));
        assertThat(data).contains("\"meetingId\":\"" + room + "\"", "\"participantId\":\"daily-session-1\"",
                "\"sessionId\":\"daily-session-1\"", "\"format\":\"daily\"", "\"meetingSessionId\":\"ms-1\"",
                "\"timestamp\":" + timestamp);
        awaitPoints(room, "daily-session-1", 1);
        view(room, "").jsonPath("$.participants[0].points[0].stats.sendBitrateBps")
            .isEqualTo(900_000.0)
            .jsonPath("$.participants[0].points[0].stats.recvBitrateBps")
            .isEqualTo(1_200_000.0)
            .jsonPath("$.participants[0].points[0].stats.videoSendBitrateBps")
            .isEqualTo(850_000.0)
            .jsonPath("$.participants[0].points[0].stats.videoRecvBitrateBps")
            .isEqualTo(1_100_000.0)
            .jsonPath("$.participants[0].points[0].stats.sendPacketLossPct")
            .isEqualTo(1.0)
            .jsonPath("$.participants[0].points[0].stats.recvPacketLossPct")
            .isEqualTo(2.0);
    }

    @Test
    void dailyStyleBeaconWithATokenIsFiledUnderTheTokensParticipant() {
        String meeting = newMeeting();

        postBeacon(Beacons.daily(meeting, "daily-session-2", Instant.now().toEpochMilli()), MediaType.APPLICATION_JSON,
                TestTokens.token(meeting, "p-7"))
            .expectStatus()
            .isNoContent();

        awaitPoints(meeting, "p-7", 1);
        view(meeting, "").jsonPath("$.participants[0].points[0].sessionId").isEqualTo("daily-session-2");
    }

    @Test
    void sameSampleSentTwiceIsCountedOnce() {
        String meeting = newMeeting();
        String body = Beacons.parley(meeting, "p-3", 4444);
        String token = TestTokens.token(meeting, "p-3");
        double histogramBefore = rttBucketsAbove(2.0, 5.0);
        double duplicatesBefore = collector.scrape()
            .value("parley_quality_samples_consumed_total", Map.of("result", "duplicate"));

        postBeacon(body, MediaType.APPLICATION_JSON, token).expectStatus().isNoContent();
        postBeacon(body, MediaType.TEXT_PLAIN, token).expectStatus().isNoContent();

        List<ConsumerRecord<String, CloudEvent>> records = topic.recordsOf(meeting, found -> found.size() == 2);
        assertThat(records.get(1).value().getId()).isEqualTo(records.get(0).value().getId());
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(
                    collector.scrape().value("parley_quality_samples_consumed_total", Map.of("result", "duplicate")))
                .isGreaterThanOrEqualTo(duplicatesBefore + 1));
        view(meeting, "").jsonPath("$.samples").isEqualTo(1).jsonPath("$.participants[0].points.length()").isEqualTo(1);
        view(meeting, "/summary").jsonPath("$.metrics.rttMs.count").isEqualTo(1);
        assertThat(rttBucketsAbove(2.0, 5.0)).isEqualTo(histogramBefore + 1);
    }

    @Test
    void summaryGivesPercentilesAndTwentyBinHistogramsOverAllParticipants() {
        String meeting = newMeeting();
        long now = Instant.now().toEpochMilli();
        for (int i = 1; i <= 10; i++) {
            String participant = i % 2 == 0 ? "p-even" : "p-odd";
            postBeacon(
                    Beacons.parley(meeting, participant, "s-" + participant, now - i * 1000L,
                            "{\"rttMs\":" + i * 10 + ",\"packetLossPct\":{\"recv\":" + (i == 10 ? 50 : 0) + "}}"),
                    MediaType.APPLICATION_JSON, TestTokens.token(meeting, participant))
                .expectStatus()
                .isNoContent();
        }

        awaitPoints(meeting, "p-even", 5);
        awaitPoints(meeting, "p-odd", 5);
        view(meeting, "/summary").jsonPath("$.participants")
            .isEqualTo(2)
            .jsonPath("$.samples")
            .isEqualTo(10)
            .jsonPath("$.retainedSamples")
            .isEqualTo(10)
            .jsonPath("$.firstTimestamp")
            .isEqualTo(now - 10_000)
            .jsonPath("$.lastTimestamp")
            .isEqualTo(now - 1_000)
            .jsonPath("$.metrics.rttMs.min")
            .isEqualTo(10.0)
            .jsonPath("$.metrics.rttMs.max")
            .isEqualTo(100.0)
            .jsonPath("$.metrics.rttMs.p50")
            .isEqualTo(55.0)
            .jsonPath("$.metrics.rttMs.p95")
            .value(closeTo(95.5, 1e-9))
            .jsonPath("$.metrics.rttMs.histogram.length()")
            .isEqualTo(20)
            .jsonPath("$.metrics.rttMs.histogram[0].from")
            .isEqualTo(10.0)
            .jsonPath("$.metrics.rttMs.histogram[0].to")
            .isEqualTo(14.5)
            .jsonPath("$.metrics.rttMs.histogram[0].count")
            .isEqualTo(1)
            .jsonPath("$.metrics.rttMs.histogram[19].count")
            .isEqualTo(1)
            .jsonPath("$.metrics.recvPacketLossPct.histogram[19].count")
            .isEqualTo(1)
            .jsonPath("$.metrics.recvPacketLossPct.histogram[0].count")
            .isEqualTo(9)
            .jsonPath("$.metrics.jitterMs.count")
            .isEqualTo(0);
        assertThat(points(meeting, "p-even")).extracting(point -> point.path("timestamp").asLong())
            .containsExactly(now - 10_000, now - 8_000, now - 6_000, now - 4_000, now - 2_000);
    }

    @Test
    void viewsAreReadableOnlyWithATokenOfTheMeeting() {
        String meeting = newMeeting();
        postBeacon(Beacons.parley(meeting, "p-1", 20), MediaType.APPLICATION_JSON, TestTokens.token(meeting, "p-1"))
            .expectStatus()
            .isNoContent();
        awaitPoints(meeting, "p-1", 1);

        for (String path : List.of("", "/summary")) {
            String uri = "/api/quality/meetings/" + meeting + path;
            collector.client()
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.WWW_AUTHENTICATE);
            collector.client()
                .get()
                .uri(uri + "?access_token=" + TestTokens.forgedToken(meeting, "p-1"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
            collector.client()
                .get()
                .uri(uri + "?access_token=" + TestTokens.token("another-meeting", "p-1"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            collector.client()
                .get()
                .uri(uri + "?access_token=" + TestTokens.token(meeting, "p-9"))
                .exchange()
                .expectStatus()
                .isOk();
        }
    }

    @Test
    void meetingWithoutSamplesIsNotFound() {
        String unknown = newMeeting();
        for (String path : List.of("", "/summary")) {
            collector.client()
                .get()
                .uri("/api/quality/meetings/" + unknown + path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(unknown, "p-1"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
        }
    }

    @Test
    void recordThatIsNotASampleIsSkippedWithoutHoldingUpItsPartition() throws Exception {
        String meeting = newMeeting();
        double malformedBefore = collector.scrape()
            .value("parley_quality_samples_consumed_total", Map.of("result", "malformed"));

        topic.publishGarbage(meeting);
        postBeacon(Beacons.parley(meeting, "p-1", 25), MediaType.APPLICATION_JSON, TestTokens.token(meeting, "p-1"))
            .expectStatus()
            .isNoContent();

        awaitPoints(meeting, "p-1", 1);
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(
                    collector.scrape().value("parley_quality_samples_consumed_total", Map.of("result", "malformed")))
                .isGreaterThanOrEqualTo(malformedBefore + 1));
    }

    @Test
    void readinessIncludesTheProducerHavingTheSamplesTopic() {
        collector.client()
            .get()
            .uri("/actuator/health/readiness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.beaconProducer.status")
            .isEqualTo("UP")
            .jsonPath("$.components.kafka.status")
            .isEqualTo("UP")
            .jsonPath("$.components.redis.status")
            .isEqualTo("UP");
    }

    @Test
    void everyCollectorMetricTheDashboardsAndAlertsUseIsExposed() throws IOException {
        Pattern metric = Pattern.compile("parley_quality_[a-z_]+");
        Set<String> referenced = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.list(RepositoryFiles.dashboards()),
                Stream.of(RepositoryFiles.alertRules()))) {
            for (Path file : files.toList()) {
                Matcher matcher = metric.matcher(Files.readString(file));
                while (matcher.find()) {
                    referenced.add(matcher.group());
                }
            }
        }

        assertThat(referenced).isNotEmpty();
        assertThat(collector.scrape().names()).containsAll(referenced);
    }

}
