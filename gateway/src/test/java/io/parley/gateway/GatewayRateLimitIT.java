package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.harness.RedisServerProcess;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
import io.parley.tokens.RsaKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

class GatewayRateLimitIT {

    @TempDir
    Path redisDir;

    @Test
    void answersTooManyRequestsProblemWithRetryAfterOnceTheBurstIsSpent() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                StubBackend meeting = StubBackend.start("meeting-service");
                RunningGateway gateway = RunningGateway.start(redis,
                        StubBackend.serviceArgs(meeting.uri(), meeting.uri(), meeting.uri(), meeting.uri()),
                        "--parley.gateway.rate-limit.burst-capacity=3",
                        "--parley.gateway.rate-limit.replenish-per-second=1")) {
            // without trusted proxies a client's X-Forwarded-For is ignored: it cannot
            // buy itself a fresh bucket
            for (int i = 0; i < 3; i++) {
                gateway.client()
                    .get()
                    .uri("/api/meetings/m-1")
                    .header("X-Forwarded-For", "198.51.100." + i)
                    .exchange()
                    .expectStatus()
                    .isOk();
            }

            gateway.client()
                .get()
                .uri("/api/meetings/m-1")
                .header("X-Forwarded-For", "198.51.100.99")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429)
                .jsonPath("$.retryAfterSeconds")
                .isEqualTo(1);
            assertThat(gateway.bean(MeterRegistry.class).counter("parley.gateway.ratelimit.rejected").count())
                .isEqualTo(1.0);
        }
    }

    @Test
    void behindATrustedProxyLimitsEachForwardedClientOnItsOwnBudget() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                StubBackend meeting = StubBackend.start("meeting-service");
                RunningGateway gateway = RunningGateway.start(redis,
                        StubBackend.serviceArgs(meeting.uri(), meeting.uri(), meeting.uri(), meeting.uri()),
                        "--parley.gateway.rate-limit.burst-capacity=1",
                        "--parley.gateway.rate-limit.replenish-per-second=1",
                        "--parley.gateway.rate-limit.trusted-proxies=1")) {
            // the ingress appends the address it saw; whatever the client wrote before
            // that does not count
            gateway.client()
                .get()
                .uri("/api/meetings/m-1")
                .header("X-Forwarded-For", "10.0.0.1, 203.0.113.1")
                .exchange()
                .expectStatus()
                .isOk();
            gateway.client()
                .get()
                .uri("/api/meetings/m-1")
                .header("X-Forwarded-For", "10.0.0.2, 203.0.113.1")
                .exchange()
                .expectStatus()
                .isEqualTo(429);
            gateway.client()
                .get()
                .uri("/api/meetings/m-1")
                .header("X-Forwarded-For", "203.0.113.2")
                .exchange()
                .expectStatus()
                .isOk();
        }
    }

    /** Five requests at once, then one per second: small enough to spend in a test. */
    private RunningGateway smallBudget(RedisServerProcess redis, StubBackend backend) {
        return RunningGateway.start(redis,
                StubBackend.serviceArgs(backend.uri(), backend.uri(), backend.uri(), backend.uri()),
                "--parley.gateway.services.people-service=" + backend.uri(),
                "--parley.gateway.rate-limit.burst-capacity=5", "--parley.gateway.rate-limit.replenish-per-second=1");
    }

    @Test
    void rateLimitsEachTokenSubjectOnItsOwnBudget() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                StubBackend backend = StubBackend.start("stream-limit-service");
                RunningGateway gateway = smallBudget(redis, backend)) {
            String busy = TestTokens.bearer("u-busy");
            for (int i = 0; i < 5; i++) {
                gateway.client()
                    .get()
                    .uri("/api/streams")
                    .header("Authorization", busy)
                    .exchange()
                    .expectStatus()
                    .isOk();
            }
            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", busy)
                .exchange()
                .expectStatus()
                .isEqualTo(429);

            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", TestTokens.bearer("u-calm"))
                .exchange()
                .expectStatus()
                .isOk();
        }
    }

    @Test
    void rateLimitsASignedInPersonByAccountAcrossDevicesAndTokenKinds() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                StubBackend backend = StubBackend.start("people-service");
                RunningGateway gateway = smallBudget(redis, backend)) {
            String laptop = "Bearer " + TestTokens.access("acc-busy");
            String phone = "Bearer " + TestTokens.access("acc-busy");
            for (String device : new String[] { laptop, laptop, laptop, phone, phone }) {
                gateway.client().get().uri("/api/me").header("Authorization", device).exchange().expectStatus().isOk();
            }
            // the join token of a meeting the person joined signed in carries the account
            // as its subject
            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", TestTokens.bearer("acc-busy"))
                .exchange()
                .expectStatus()
                .isEqualTo(429);

            gateway.client()
                .get()
                .uri("/api/me")
                .header("Authorization", "Bearer " + TestTokens.access("acc-calm"))
                .exchange()
                .expectStatus()
                .isOk();
        }
    }

    /**
     * A refused token used to be answered before the limiter counted it: an unmetered
     * path for forged tokens.
     */
    @Test
    void spendsTheAddressBudgetOnRequestsRefusedForTheirTokenAndAnswersTooManyRequestsOnceItIsSpent() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                StubBackend backend = StubBackend.start("stream-limit-service");
                RunningGateway gateway = RunningGateway.start(redis,
                        StubBackend.serviceArgs(backend.uri(), backend.uri(), backend.uri(), backend.uri()),
                        "--parley.gateway.rate-limit.burst-capacity=3",
                        "--parley.gateway.rate-limit.replenish-per-second=1")) {
            String forged = new JoinTokenSigner(RsaKeys.generate(), "parley")
                .sign(TestTokens.token("u-forger", Role.HOST, Instant.now().plusSeconds(600)));
            for (String refused : new String[] { "Bearer " + forged, "Bearer garbage", "Bearer " }) {
                gateway.client()
                    .get()
                    .uri("/api/streams")
                    .header("Authorization", refused)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            }

            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", "Bearer " + forged)
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After");
            gateway.client().get().uri("/api/meetings/m-1").exchange().expectStatus().isEqualTo(429);
            // a verified caller has a budget of its own, not the address's
            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", TestTokens.bearer("u-honest"))
                .exchange()
                .expectStatus()
                .isOk();
            MeterRegistry metrics = gateway.bean(MeterRegistry.class);
            assertThat(metrics.counter("parley.gateway.tokens.refused", "reason", "invalid").count()).isEqualTo(4.0);
            assertThat(metrics.counter("parley.gateway.ratelimit.rejected").count()).isEqualTo(2.0);
        }
    }

    @Test
    void letsRequestsThroughAndCountsItWhenRedisIsDown() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                StubBackend meeting = StubBackend.start("meeting-service");
                RunningGateway gateway = RunningGateway.start(redis,
                        StubBackend.serviceArgs(meeting.uri(), meeting.uri(), meeting.uri(), meeting.uri()),
                        "--parley.gateway.rate-limit.burst-capacity=1", "--spring.data.redis.timeout=500ms")) {
            redis.kill();

            for (int i = 0; i < 3; i++) {
                gateway.client().get().uri("/api/meetings/m-1").exchange().expectStatus().isOk();
            }

            assertThat(gateway.bean(MeterRegistry.class).counter("parley.gateway.ratelimit.errors").count())
                .isEqualTo(3.0);
        }
    }

}
