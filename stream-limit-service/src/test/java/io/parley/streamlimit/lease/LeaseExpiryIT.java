package io.parley.streamlimit.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.streamlimit.RunningService;
import io.parley.streamlimit.StreamEventsReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Leases that are not renewed: their slot frees and the sweeper reports them. */
class LeaseExpiryIT {

    private static RedisServerProcess redis;

    private static RunningService service;

    private static WebTestClient client;

    private static StreamEventsReader events;

    @BeforeAll
    static void start(@TempDir Path redisDir) {
        // a Redis of its own: the active-leases gauge counts every lease in Redis, also
        // other tests' leases
        redis = RedisServerProcess.startOnFreePort(redisDir);
        service = RunningService.start(redis, SharedInfrastructure.kafka(), "--parley.streams.lease.ttl=1s",
                "--parley.streams.sweeper.interval=200ms");
        client = service.client();
        events = new StreamEventsReader();
    }

    @AfterAll
    static void stop() {
        events.close();
        service.close();
        redis.close();
    }

    @Test
    void aLeaseThatIsNotRenewedExpiresFreesItsSlotAndIsReported() {
        String user = "expiring-" + UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            start(user, "s" + i).expectStatus().isCreated();
        }

        StreamEventsReader.Event expired = events.await(EventType.LEASE_EXPIRED, user,
                data -> data.get("streamId").asString().equals("s1"));
        assertThat(Instant.parse(expired.data().get("expiredAt").asString())).isBefore(Instant.now());
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> client.get()
                .uri("/api/streams?userId={u}", user)
                .header("X-Api-Key", RunningService.API_KEY)
                .exchange()
                .expectBody()
                .jsonPath("$.streamCount")
                .isEqualTo(0));
        start(user, "s4").expectStatus().isCreated().expectBody().jsonPath("$.streamCount").isEqualTo(1);

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(events.events())
                .filteredOn(event -> event.type().equals(EventType.LEASE_EXPIRED.ceType()) && user.equals(event.key()))
                .extracting(event -> event.data().get("streamId").asString())
                .containsExactlyInAnyOrder("s1", "s2", "s3"));
    }

    @Test
    void theActiveLeasesGaugeFollowsTheLeases() {
        String user = "gauge-" + UUID.randomUUID();
        start(user, "s1").expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(10)).until(() -> activeLeasesGauge() >= 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> activeLeasesGauge() == 0);
    }

    @Test
    void renewingALeaseThatExpiredIsANotHeldProblemAndStartingAgainTakesANewLease() {
        String user = "renew-late-" + UUID.randomUUID();
        start(user, "s1").expectStatus().isCreated();
        events.await(EventType.LEASE_EXPIRED, user, data -> data.get("streamId").asString().equals("s1"));

        client.put()
            .uri("/api/streams/s1/lease?userId={u}", user)
            .header("X-Api-Key", RunningService.API_KEY)
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("not-held")
            .jsonPath("$.streamId")
            .isEqualTo("s1");
        start(user, "s1").expectStatus().isCreated().expectBody().jsonPath("$.streamCount").isEqualTo(1);
    }

    private static double activeLeasesGauge() {
        String text = client.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        return text.lines()
            .filter(line -> line.startsWith("parley_streams_leases_active"))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .findFirst()
            .orElseThrow();
    }

    private static WebTestClient.ResponseSpec start(String user, String streamId) {
        return client.post()
            .uri("/api/streams")
            .header("X-Api-Key", RunningService.API_KEY)
            .bodyValue(Map.of("userId", user, "streamId", streamId))
            .exchange();
    }

}
