package io.parley.streamlimit.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import io.parley.harness.TempDirs;
import io.parley.streamlimit.RunningService;
import io.parley.streamlimit.TestTokens;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Redis stopped and started again under both failure policies. */
class RedisOutageIT {

    @TempDir
    Path redisDir;

    @Test
    void failClosedAnswers503WhileRedisIsDownAndKeepsEveryLeaseAcrossTheRestart() {
        String user = "outage-" + UUID.randomUUID();
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                RunningService service = RunningService.start(redis, SharedInfrastructure.kafka())) {
            WebTestClient client = service.client();
            start(client, user, "s1").expectStatus().isCreated();
            start(client, user, "s2").expectStatus().isCreated();

            redis.stop();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertUnavailable(start(client, user, "lost")));
            assertUnavailable(client.put()
                .uri("/api/streams/s1/lease?userId={u}", user)
                .header("X-Api-Key", RunningService.API_KEY)
                .exchange());
            assertUnavailable(client.delete()
                .uri("/api/streams/s1?userId={u}", user)
                .header("X-Api-Key", RunningService.API_KEY)
                .exchange());
            assertUnavailable(client.get()
                .uri("/api/streams?userId={u}", user)
                .header("X-Api-Key", RunningService.API_KEY)
                .exchange());
            assertUnavailable(client.post()
                .uri("/api/streams")
                .headers(h -> h.setBearerAuth(TestTokens.token(user, "m1", "p1")))
                .bodyValue(Map.of("streamId", "m1:p1"))
                .exchange());

            redis.start();

            await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> start(client, user, "s3").expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.streamCount")
                    .isEqualTo(3));
            // the circuit may still be half-open (or briefly re-open on a slow machine):
            // wait for a plain answer
            await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> client.get()
                    .uri("/api/streams?userId={u}", user)
                    .header("X-Api-Key", RunningService.API_KEY)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.streams[*].streamId")
                    .value(ids -> assertThat(ids).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrder("s1", "s2", "s3")));
            await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> start(client, user, "s4").expectStatus().isEqualTo(409));
        }
    }

    @Test
    void failOpenLetsStartsThroughUncheckedWhileRedisIsDown() {
        String user = "open-" + UUID.randomUUID();
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                RunningService service = RunningService.start(redis, SharedInfrastructure.kafka(),
                        "--parley.streams.redis-failure-policy=fail-open")) {
            WebTestClient client = service.client();
            start(client, user, "s1").expectStatus().isCreated();

            redis.stop();

            await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> start(client, user, "unchecked").expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.streamId")
                    .isEqualTo("unchecked")
                    .jsonPath("$.streamCount")
                    .isEmpty());
            client.put()
                .uri("/api/streams/s1/lease?userId={u}", user)
                .header("X-Api-Key", RunningService.API_KEY)
                .exchange()
                .expectStatus()
                .isOk();
            assertUnavailable(client.get()
                .uri("/api/streams?userId={u}", user)
                .header("X-Api-Key", RunningService.API_KEY)
                .exchange());
            client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectBody(String.class)
                .value(text -> assertThat(text)
                    .containsPattern("parley_streams_admissions_unchecked_total\\{[^}]*} [1-9]"));
        }
    }

    @Test
    void aLeaseLostWithRedisDataIsANotHeldProblemOnRenewalAndCanBeStartedAgain() {
        String user = "lost-" + UUID.randomUUID();
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                RunningService service = RunningService.start(redis, SharedInfrastructure.kafka())) {
            WebTestClient client = service.client();
            start(client, user, "s1").expectStatus().isCreated();

            // a Redis that comes back without its append-only file: the lease is gone,
            // not expired
            redis.kill();
            TempDirs.deleteQuietly(redisDir);
            redis.start();

            await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> client.put()
                    .uri("/api/streams/s1/lease?userId={u}", user)
                    .header("X-Api-Key", RunningService.API_KEY)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.reason")
                    .isEqualTo("not-held"));
            start(client, user, "s1").expectStatus().isCreated().expectBody().jsonPath("$.streamCount").isEqualTo(1);
        }
    }

    private static WebTestClient.ResponseSpec start(WebTestClient client, String user, String streamId) {
        return client.post()
            .uri("/api/streams")
            .header("X-Api-Key", RunningService.API_KEY)
            .bodyValue(Map.of("userId", user, "streamId", streamId))
            .exchange();
    }

    private static void assertUnavailable(WebTestClient.ResponseSpec response) {
        response.expectStatus()
            .isEqualTo(503)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .exists("Retry-After");
    }

}
