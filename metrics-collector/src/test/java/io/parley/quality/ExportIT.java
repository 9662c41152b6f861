package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.parley.harness.SharedInfrastructure;
import io.parley.quality.history.PartitionPlan;
import io.parley.quality.history.Partitions;
import io.parley.quality.support.Beacons;
import io.parley.quality.support.HistoryDatabase;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/quality/meetings/{id}/samples}: every stored sample as JSON Lines or
 * CSV, chosen by Accept, oldest first, and a meeting of 200,000 samples streamed to the
 * end, on a database of its own.
 */
class ExportIT {

    private static final String DATABASE = "quality_export";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningCollector collector;

    private static HistoryDatabase database;

    @BeforeAll
    static void start() {
        collector = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                SharedInfrastructure.postgres(), DATABASE, "--parley.quality.export-page-size=1000");
        database = new HistoryDatabase(SharedInfrastructure.postgres(), DATABASE);
    }

    @AfterAll
    static void stop() {
        collector.close();
    }

    /**
     * Three samples of one participant, one second apart, the second without a round-trip
     * time.
     */
    private static String meetingWithThreeSamples(long first) {
        String meetingId = "m-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            String stats = i == 1 ? "{\"jitterMs\":2}" : "{\"rttMs\":" + (30 + i) + ",\"jitterMs\":2}";
            collector.client()
                .post()
                .uri("/api/quality/beacons?access_token=" + TestTokens.token(meetingId, "p-1"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Beacons.parley(meetingId, "p-1", "s-1", first + i * 1_000L, stats))
                .exchange()
                .expectStatus()
                .isNoContent();
        }
        await().atMost(Duration.ofSeconds(30))
            .until(() -> database.count("select count(*) from quality_sample where meeting_id = ?", meetingId) == 3);
        return meetingId;
    }

    private static String export(String meetingId, String query, String accept, MediaType expected) {
        return collector.client()
            .get()
            .uri("/api/quality/meetings/" + meetingId + "/samples" + query)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(meetingId, "p-1"))
            .header(HttpHeaders.ACCEPT, accept)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(expected)
            .expectHeader()
            .valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"quality-.*")
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    }

    @Test
    void jsonLinesHaveOneFlatSampleALineOldestFirst() {
        long first = Instant.now().toEpochMilli() - 10_000;
        String meetingId = meetingWithThreeSamples(first);

        String body = export(meetingId, "", "application/x-ndjson", MediaType.APPLICATION_NDJSON);

        List<JsonNode> lines = body.lines().map(JSON::readTree).toList();
        assertThat(lines).extracting(line -> line.path("timestamp").asLong())
            .containsExactly(first, first + 1_000, first + 2_000);
        JsonNode line = lines.get(0);
        assertThat(line.path("meetingId").asString()).isEqualTo(meetingId);
        assertThat(line.path("participantId").asString()).isEqualTo("p-1");
        assertThat(line.path("sessionId").asString()).isEqualTo("s-1");
        assertThat(line.path("format").asString()).isEqualTo("parley");
        assertThat(line.path("rttMs").asDouble()).isEqualTo(30.0);
        assertThat(UUID.fromString(line.path("eventId").asString())).isNotNull();
        assertThat(lines.get(1).has("rttMs")).isFalse();
    }

    @Test
    void csvHasAHeaderRowAndEmptyFieldsForWhatWasNotMeasured() {
        long first = Instant.now().toEpochMilli() - 10_000;
        String meetingId = meetingWithThreeSamples(first);

        String body = export(meetingId, "", "text/csv", MediaType.parseMediaType("text/csv"));

        List<String> rows = body.lines().toList();
        assertThat(rows).hasSize(4);
        List<String> header = List.of(rows.get(0).split(","));
        assertThat(header).startsWith("eventId", "meetingId", "participantId", "sessionId", "timestamp");
        List<String> second = List.of(rows.get(2).split(",", -1));
        assertThat(second).hasSize(header.size());
        assertThat(second.get(header.indexOf("timestamp"))).isEqualTo(Long.toString(first + 1_000));
        assertThat(second.get(header.indexOf("rttMs"))).isEmpty();
        assertThat(second.get(header.indexOf("jitterMs"))).isEqualTo("2.0");
    }

    @Test
    void theHigherQualityFormatWinsAndARangeNarrowsTheExport() {
        long first = Instant.now().toEpochMilli() - 10_000;
        String meetingId = meetingWithThreeSamples(first);

        String csv = export(meetingId, "?from=" + (first + 1_000), "application/x-ndjson;q=0.5, text/csv",
                MediaType.parseMediaType("text/csv"));
        assertThat(csv.lines()).hasSize(3);
        String all = export(meetingId, "?to=" + (first + 1_000), "*/*", MediaType.APPLICATION_NDJSON);
        assertThat(all.lines()).hasSize(1);
    }

    @Test
    void aFormatNeitherOfTheTwoIsNotAcceptable() {
        String meetingId = meetingWithThreeSamples(Instant.now().toEpochMilli() - 10_000);

        collector.client()
            .get()
            .uri("/api/quality/meetings/" + meetingId + "/samples")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(meetingId, "p-1"))
            .header(HttpHeaders.ACCEPT, "application/xml")
            .exchange()
            .expectStatus()
            .isEqualTo(406);
    }

    @Test
    void twoHundredThousandSamplesStreamToTheEnd() {
        String meetingId = "m-" + UUID.randomUUID();
        // whole milliseconds, as every stored sample's time is (beacons carry epoch
        // milliseconds)
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        Partitions partitions = collector.bean(Partitions.class);
        partitions.ensure(List.of(PartitionPlan.day(start), PartitionPlan.day(Instant.now())))
            .block(Duration.ofSeconds(10));
        // rows as the consumer writes them, made by PostgreSQL itself: 200,000 beacons
        // would take minutes
        database.execute("insert into quality_sample (meeting_id, measured_at, event_id, participant_id, session_id, "
                + "received_at, format, rtt_ms, jitter_ms, recv_bitrate_bps) select ?, ?::timestamptz + i * "
                + "interval '10 millisecond', gen_random_uuid(), 'p-' || (i % 50), 's-' || (i % 50), "
                + "?::timestamptz + i * interval '10 millisecond', 'parley', 20 + i % 100, 3, 1200000 "
                + "from generate_series(1, 200000) as i", meetingId, start.toString(), start.toString());
        AtomicLong lines = new AtomicLong();

        WebClient.create(collector.baseUrl())
            .get()
            .uri("/api/quality/meetings/" + meetingId + "/samples")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.token(meetingId, "p-1"))
            .header(HttpHeaders.ACCEPT, "text/csv")
            .retrieve()
            .bodyToFlux(DataBuffer.class)
            .doOnNext(buffer -> {
                // counted as the bytes arrive and released at once: the client holds no
                // more than the server does
                try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
                    chunks.forEachRemaining(chunk -> {
                        while (chunk.hasRemaining()) {
                            if (chunk.get() == '\n') {
                                lines.incrementAndGet();
                            }
                        }
                    });
                }
                DataBufferUtils.release(buffer);
            })
            .blockLast(Duration.ofMinutes(5));

        // the header row and one row per sample
        assertThat(lines).hasValue(200_001);
    }

}
