package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.quality.support.Beacons;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.SamplesTopic;
import io.parley.quality.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A broker of its own, stopped and started again under a running collector. */
class KafkaOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path kafkaDir;

    @Test
    void answersServiceUnavailableWhileKafkaIsDownAndLosesNoAcknowledgedSample() {
        String meeting = "m-" + UUID.randomUUID();
        String token = TestTokens.token(meeting, "p-1");
        List<Long> acknowledged = new ArrayList<>();
        try (KafkaBrokerProcess kafka = KafkaBrokerProcess.startOnFreePorts(kafkaDir);
                RunningCollector collector = RunningCollector.start(SharedInfrastructure.redis(), kafka,
                        "--parley.quality.publish-timeout=5s")) {
            long timestamp = Instant.now().toEpochMilli();
            // a new producer may need longer than the time limit for its first metadata
            // on a loaded machine
            await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> send(collector, meeting, token, timestamp) == HttpStatus.NO_CONTENT);
            acknowledged.add(timestamp);

            kafka.stop();
            for (int i = 1; i <= 3; i++) {
                collector.client()
                    .post()
                    .uri("/api/quality/beacons?access_token=" + token)
                    .contentType(MediaType.TEXT_PLAIN)
                    .bodyValue(body(meeting, timestamp + i))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER);
            }
            assertThat(collector.scrape().value("parley_quality_beacons_unavailable_total", Map.of("cause", "kafka")))
                .isEqualTo(3);

            kafka.start();
            // what a client does after a 503: send again until the sample is taken; each
            // attempt is the same sample
            for (int i = 1; i <= 3; i++) {
                long retried = timestamp + i;
                await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> send(collector, meeting, token, retried) == HttpStatus.NO_CONTENT);
                acknowledged.add(retried);
            }
            for (int i = 4; i <= 10; i++) {
                long next = timestamp + i;
                await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> send(collector, meeting, token, next) == HttpStatus.NO_CONTENT);
                acknowledged.add(next);
            }

            try (SamplesTopic topic = new SamplesTopic(kafka)) {
                topic.recordsOf(meeting,
                        records -> records.stream()
                            .map(record -> JSON.readTree(SamplesTopic.data(record)).path("timestamp").asLong())
                            .toList()
                            .containsAll(acknowledged));
            }
            List<Long> recorded = await().atMost(Duration.ofSeconds(60))
                .until(() -> recordedTimestamps(collector, meeting), found -> found.size() >= acknowledged.size());
            assertThat(recorded).containsExactlyElementsOf(acknowledged);
        }
    }

    private static String body(String meeting, long timestamp) {
        return Beacons.parley(meeting, "p-1", "s-1", timestamp, "{\"rttMs\":30}");
    }

    private static HttpStatus send(RunningCollector collector, String meeting, String token, long timestamp) {
        return HttpStatus.valueOf(collector.client()
            .post()
            .uri("/api/quality/beacons?access_token=" + token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body(meeting, timestamp))
            .exchange()
            .returnResult(Void.class)
            .getStatus()
            .value());
    }

    private static List<Long> recordedTimestamps(RunningCollector collector, String meeting) {
        var result = collector.client()
            .get()
            .uri("/api/quality/meetings/" + meeting)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(meeting, "viewer"))
            .exchange()
            .expectBody(String.class)
            .returnResult();
        if (result.getStatus().value() != 200) {
            return List.of();
        }
        JsonNode points = JSON.readTree(result.getResponseBody()).path("participants").path(0).path("points");
        return points.valueStream().map(point -> point.path("timestamp").asLong()).toList();
    }

}
