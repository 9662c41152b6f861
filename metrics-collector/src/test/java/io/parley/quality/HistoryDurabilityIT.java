package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.parley.harness.PostgresServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.quality.support.Beacons;
import io.parley.quality.support.EventPublisher;
import io.parley.quality.support.HistoryDatabase;
import io.parley.quality.support.RunningCollector;
import io.parley.quality.support.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The history survives restarts of the collector and of PostgreSQL, and a PostgreSQL
 * outage under load loses nothing: beacons keep getting 204 (they never wait for the
 * database), the consumer pauses and catches up.
 */
class HistoryDurabilityIT {

    private static final String DATABASE = "quality_durability";

    @TempDir
    static Path dataDir;

    private static PostgresServerProcess postgres;

    private static HistoryDatabase database;

    private static EventPublisher events;

    @BeforeAll
    static void startDatabase() {
        postgres = PostgresServerProcess.startOnFreePort(dataDir.resolve("pg"));
        database = new HistoryDatabase(postgres, DATABASE);
        events = new EventPublisher(SharedInfrastructure.kafka());
    }

    @AfterAll
    static void stopDatabase() {
        events.close();
        postgres.stop();
    }

    private static RunningCollector collector(String... args) {
        return RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(), postgres, DATABASE,
                args);
    }

    private static HttpStatus beacon(RunningCollector collector, String meetingId, long timestamp) {
        return HttpStatus.valueOf(collector.client()
            .post()
            .uri("/api/quality/beacons?access_token=" + TestTokens.token(meetingId, "p-1"))
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue(Beacons.parley(meetingId, "p-1", "s-1", timestamp, "{\"rttMs\":25}"))
            .exchange()
            .returnResult(Void.class)
            .getStatus()
            .value());
    }

    private static long stored(String meetingId) {
        return database.count("select count(*) from quality_sample where meeting_id = ?", meetingId);
    }

    @Test
    void anEndedMeetingIsReadableAfterTheCollectorAndPostgresRestarted() {
        String meetingId = "m-" + UUID.randomUUID();
        String account = UUID.randomUUID().toString();
        try (RunningCollector collector = collector()) {
            events.meetingCreated(meetingId, "p-1", account);
            long now = Instant.now().toEpochMilli();
            for (int i = 0; i < 5; i++) {
                assertThat(beacon(collector, meetingId, now - i * 1_000L)).isEqualTo(HttpStatus.NO_CONTENT);
            }
            events.meetingEnded(meetingId);
            await().atMost(Duration.ofSeconds(30))
                .until(() -> stored(meetingId) == 5 && database.count(
                        "select count(*) from quality_participant where meeting_id = ? and user_id = ?", meetingId,
                        account) == 1);
        }
        postgres.kill();
        postgres.start();

        try (RunningCollector collector = collector()) {
            collector.client()
                .get()
                .uri("/api/quality/meetings/" + meetingId + "/summary")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.accessToken(account))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.samples")
                .isEqualTo(5)
                .jsonPath("$.metrics.rttMs.count")
                .isEqualTo(5);
        }
    }

    @Test
    void postgresDownForThirtySecondsUnderSteadyBeaconsLosesNothingAndTheConsumerCatchesUp() throws Exception {
        String meetingId = "m-" + UUID.randomUUID();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        try (RunningCollector collector = collector("--parley.quality.store-timeout=2s",
                "--spring.r2dbc.pool.max-acquire-time=1s")) {
            long start = Instant.now().toEpochMilli();
            AtomicInteger next = new AtomicInteger();
            ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
            // ten beacons a second, each a new sample, for the whole run
            load.scheduleAtFixedRate(() -> {
                long timestamp = start + next.getAndIncrement();
                if (beacon(collector, meetingId, timestamp) == HttpStatus.NO_CONTENT) {
                    acknowledged.add(timestamp);
                }
                else {
                    refused.incrementAndGet();
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> stored(meetingId) >= 20);
                postgres.stop();
                long storedWhenStopped = acknowledged.size();
                Thread.sleep(30_000);
                // the beacons kept being taken while the database was away, and the
                // consumer failed its batches
                assertThat(acknowledged.size()).isGreaterThan((int) storedWhenStopped + 200);
                assertThat(collector.scrape().value("spring_kafka_listener_seconds_count", Map.of("result", "failure")))
                    .isPositive();
                postgres.start();
                Thread.sleep(5_000);
            }
            finally {
                load.shutdown();
                load.awaitTermination(30, TimeUnit.SECONDS);
            }

            assertThat(refused).hasValue(0);
            List<Long> sent = List.copyOf(acknowledged);
            await().atMost(Duration.ofSeconds(90)).until(() -> stored(meetingId) >= sent.size());
            assertThat(stored(meetingId)).isEqualTo(sent.size());
            assertThat(database.count("select count(distinct measured_at) from quality_sample where meeting_id = ?",
                    meetingId))
                .isEqualTo(sent.size());
        }
    }

}
