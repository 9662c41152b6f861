package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.quality.support.Beacons;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offsets move only after Redis has the samples. Anonymous Daily-style beacons need no Redis to be accepted, so
 * with Redis down they still reach Kafka while the aggregator cannot record them; the collector is then shut down
 * with the batch unrecorded, and a fresh instance must record every one of them.
 */
class AggregatorRecoveryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path redisDir;

    @Test
    void samplesAcceptedWhileRedisWasDownAreRecordedByTheNextInstance() {
        String room = "room-" + UUID.randomUUID();
        long start = Instant.now().toEpochMilli();
        List<Long> sent = LongStream.range(0, 5).map(i -> start + i * 1000).boxed().toList();
        String[] args = { "--parley.quality.anonymous-beacons-enabled=true", "--parley.quality.store-timeout=1s",
                "--spring.data.redis.timeout=500ms" };
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir)) {
            try (RunningCollector first = RunningCollector.start(redis, SharedInfrastructure.kafka(), args)) {
                redis.kill();
                for (long timestamp : sent) {
                    first.client().post().uri("/api/quality/beacons")
                        .contentType(MediaType.TEXT_PLAIN)
                        .bodyValue(Beacons.daily(room, "sess-1", timestamp))
                        .exchange()
                        .expectStatus().isNoContent();
                }
                // the batch reached the aggregator and failed there: shutting down now leaves it unrecorded
                await().atMost(Duration.ofSeconds(30)).until(() -> first.scrape()
                    .value("spring_kafka_listener_seconds_count", Map.of("result", "failure")) >= 1);
            }

            redis.start();
            try (RunningCollector second = RunningCollector.start(redis, SharedInfrastructure.kafka(), args)) {
                List<Long> recorded = await().atMost(Duration.ofSeconds(60))
                    .until(() -> recordedTimestamps(second, room), found -> found.size() >= sent.size());
                assertThat(recorded).containsExactlyElementsOf(sent);
            }
        }
    }

    private static List<Long> recordedTimestamps(RunningCollector collector, String room) {
        var result = collector.client().get().uri("/api/quality/meetings/" + room)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(room, "viewer"))
            .exchange()
            .expectBody(String.class)
            .returnResult();
        if (result.getStatus().value() != 200) {
            return List.of();
        }
        return JSON.readTree(result.getResponseBody()).path("participants").path(0).path("points").valueStream()
            .map(point -> point.path("timestamp").asLong())
            .toList();
    }
}
