package io.parley.gateway;

import java.nio.file.Path;

import io.parley.harness.RedisServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

/**
 * The gateway asks Redis whether a join token was revoked; with Redis down that is a 503
 * to retry, not a 500.
 */
class GatewayRevocationsUnavailableIT {

    @TempDir
    Path redisDir;

    @Test
    void answersServiceUnavailableProblemWithRetryAfterWhenRedisIsDown() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                StubBackend backend = StubBackend.start("stream-limit-service");
                RunningGateway gateway = RunningGateway.start(redis,
                        StubBackend.serviceArgs(backend.uri(), backend.uri(), backend.uri(), backend.uri()),
                        "--parley.gateway.services.people-service=" + backend.uri(),
                        "--spring.data.redis.timeout=500ms")) {
            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", TestTokens.bearer("u-up"))
                .exchange()
                .expectStatus()
                .isOk();

            redis.stop();

            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", TestTokens.bearer("u-down"))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("Retry-After", "2")
                .expectHeader()
                .valueEquals("X-Parley-Service", "gateway")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.title")
                .isEqualTo("Service Unavailable")
                .jsonPath("$.reason")
                .isEqualTo("revocations-unavailable");
            // access tokens are not on the revocation list: a signed-in person's requests
            // go on (the rate limiter
            // fails open)
            gateway.client()
                .get()
                .uri("/api/me")
                .header("Authorization", "Bearer " + TestTokens.access("acc-up"))
                .exchange()
                .expectStatus()
                .isOk();
        }
    }

}
