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
            for (int i = 0; i < 3; i++) {
                gateway.client().get().uri("/api/meetings/m-1").exchange().expectStatus().isOk();
            }

            gateway.client().get().uri("/api/meetings/m-1").exchange()
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
