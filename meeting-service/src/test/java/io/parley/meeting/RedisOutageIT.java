package io.parley.meeting;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Without Redis no meeting can be read or changed: that is a 503 problem, never a 500,
 * and it passes.
 */
class RedisOutageIT {

    @Test
    void answersServiceUnavailableWhileRedisIsDownAndRecoversAfterwards() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(Files.createTempDirectory("meeting-redis-"));
                RunningMeetingService service = RunningMeetingService.start(redis, SharedInfrastructure.kafka(),
                        "--spring.data.redis.timeout=500ms")) {
            WebTestClient client = service.client();
            MeetingApiClient api = new MeetingApiClient(client);
            MeetingApiClient.Created meeting = api.create("Ada");

            redis.kill();

            // a script (create, join) and a plain command (the room lookup) both fail as
            // 503
            client.post()
                .uri("/api/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("hostName", "Grace"))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503);
            client.post()
                .uri("/api/meetings/{id}/participants", meeting.meetingId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Linus"))
                .exchange()
                .expectStatus()
                .isEqualTo(503);
            client.get().uri("/api/meetings/{id}", meeting.meetingId()).exchange().expectStatus().isEqualTo(503);

            redis.start();

            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> client.post()
                    .uri("/api/meetings")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("hostName", "Grace"))
                    .exchange()
                    .expectStatus()
                    .isCreated());
        }
    }

}
