package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.parley.events.Topic;
import io.parley.harness.KafkaBrokerProcess;
import io.parley.harness.RedisServerProcess;
import io.parley.harness.SharedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ServiceHealthIT {

    @TempDir
    Path redisDir;

    @TempDir
    Path dataDir;

    @Test
    void readinessFollowsRedisDownAndUpAgain() {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(redisDir);
                ConfigurableApplicationContext app = start(redis, SharedInfrastructure.kafka())) {
            WebTestClient client = client(app);
            client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.redis.status")
                .isEqualTo("UP")
                .jsonPath("$.components.kafka.status")
                .isEqualTo("UP");

            redis.kill();
            await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> client.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.components.redis.status")
                    .isEqualTo("DOWN"));
            client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            // without Redis there are no meetings to serve: 503 with a problem, never a
            // 500
            client.post()
                .uri("/api/meetings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("hostName", "Ada"))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After");
            client.get()
                .uri("/api/meetings/abcd-efgh-ijkl")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

            redis.start();
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
        }
    }

    @Test
    void createsEveryCatalogueTopicAtStartUp() throws Exception {
        KafkaBrokerProcess kafka = SharedInfrastructure.kafka();
        try (ConfigurableApplicationContext app = start(SharedInfrastructure.redis(), kafka);
                Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get())
                .containsAll(Arrays.stream(Topic.values()).map(Topic::topicName).toList());
            assertThat(admin.describeTopics(java.util.List.of(Topic.QUALITY_SAMPLES.topicName()))
                .allTopicNames()
                .get()
                .get(Topic.QUALITY_SAMPLES.topicName())
                .partitions()).hasSize(Topic.QUALITY_SAMPLES.partitions());
        }
    }

    @Test
    void answersUnknownPathsWithAProblemNamingTheService() {
        try (ConfigurableApplicationContext app = start(SharedInfrastructure.redis(), SharedInfrastructure.kafka())) {
            client(app).get()
                .uri("/api/meetings/unknown")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals("X-Parley-Service", "meeting-service");
            client(app).get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(text -> assertThat(text).contains("application=\"meeting-service\""));
        }
    }

    private ConfigurableApplicationContext start(RedisServerProcess redis, KafkaBrokerProcess kafka) {
        return new SpringApplicationBuilder(MeetingServiceApplication.class).run("--server.port=0",
                "--spring.data.redis.port=" + redis.port(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--spring.data.redis.timeout=500ms",
                "--parley.meetings.tokens.data-dir=" + dataDir);
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port"))
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

}
