package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.harness.RedisServerProcess;
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
                RunningGateway gateway = RunningGateway.start(redis, StubBackend.serviceArgs(meeting.uri(),
                        meeting.uri(), meeting.uri(), meeting.uri()), "--parley.gateway.rate-limit.burst-capacity=3",
                        "--parley.gateway.rate-limit.replenish-per-second=1")) {
            // without trusted proxies a client's X-Forwarded-For is ignored: it cannot buy itself a fresh bucket
            for (int i = 0; i < 3; i++) {
                gateway.client().get().uri("/api/meetings/m-1").header("X-Forwarded-For", "198.51.100." + i)
                    .exchange().expectStatus().isOk();
            }

            gateway.client().get().uri("/api/meetings/m-1").header("X-Forwarded-For", "198.51.100.99").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.retryAfterSeconds").isEqualTo(1);
            assertThat(gateway.bean(MeterRegistry.class).counter("parley.gateway.ratelimit.rejected").count())
                .isEqualTo(1.0);
        }
    }

    @Test
    void behindATrustedProxyLimitsEachForwardedClientOnItsOwnBudget() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                StubBackend meeting = StubBackend.start("meeting-service");
                RunningGateway gateway = RunningGateway.start(redis, StubBackend.serviceArgs(meeting.uri(),
                        meeting.uri(), meeting.uri(), meeting.uri()), "--parley.gateway.rate-limit.burst-capacity=1",
                        "--parley.gateway.rate-limit.replenish-per-second=1",
                        "--parley.gateway.rate-limit.trusted-proxies=1")) {
            // the ingress appends the address it saw; whatever the client wrote before that does not count
            gateway.client().get().uri("/api/meetings/m-1").header("X-Forwarded-For", "10.0.0.1, 203.0.113.1")
                .exchange().expectStatus().isOk();
            gateway.client().get().uri("/api/meetings/m-1").header("X-Forwarded-For", "10.0.0.2, 203.0.113.1")
                .exchange().expectStatus().isEqualTo(429);
            gateway.client().get().uri("/api/meetings/m-1").header("X-Forwarded-For", "203.0.113.2")
                .exchange().expectStatus().isOk();
        }
    }

    @Test
    void letsRequestsThroughAndCountsItWhenRedisIsDown() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                StubBackend meeting = StubBackend.start("meeting-service");
                RunningGateway gateway = RunningGateway.start(redis, StubBackend.serviceArgs(meeting.uri(),
                        meeting.uri(), meeting.uri(), meeting.uri()), "--parley.gateway.rate-limit.burst-capacity=1",
                        "--spring.data.redis.timeout=500ms")) {
            redis.kill();

            for (int i = 0; i < 3; i++) {
                gateway.client().get().uri("/api/meetings/m-1").exchange().expectStatus().isOk();
            }

            assertThat(gateway.bean(MeterRegistry.class).counter("parley.gateway.ratelimit.errors").count())
                .isEqualTo(3.0);
        }
    }
}
