package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.parley.harness.PostgresServerProcess;
import io.parley.harness.TempDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Accounts and sessions live in PostgreSQL: restarting people-service or the database
 * loses neither, and while the database is down the service says so (503 problem details,
 * readiness DOWN) instead of failing with a 500.
 */
class DurabilityIT {

    private static Path dataDir;

    private static PostgresServerProcess postgres;

    @BeforeAll
    static void startDatabase() throws Exception {
        dataDir = Files.createTempDirectory("people-durability-");
        postgres = PostgresServerProcess.startOnFreePort(dataDir.resolve("pg"));
        postgres.createDatabase("people");
    }

    @AfterAll
    static void stopDatabase() {
        postgres.stop();
        TempDirs.deleteQuietly(dataDir);
    }

    private static Map<String, Object> database() {
        return Map.of("spring.r2dbc.url", postgres.r2dbcUrl("people"), "spring.r2dbc.username", postgres.username(),
                "spring.flyway.url", postgres.jdbcUrl("people"), "spring.flyway.user", postgres.username());
    }

    @Test
    void restartsOfTheServiceAndOfPostgresLoseNoAccountOrSession() {
        PeopleClient.SignedIn signedIn;
        try (RunningPeopleService service = RunningPeopleService.start("people", database())) {
            signedIn = new PeopleClient(service.client()).signUp("durable@example.org", "Durable", "survives restarts");
        }
        postgres.kill();
        postgres.start();

        try (RunningPeopleService service = RunningPeopleService.start("people", database())) {
            PeopleClient people = new PeopleClient(service.client());
            people.signIn("durable@example.org", "survives restarts");
            people.refresh(signedIn.refreshToken()).expectStatus().isOk();
            service.client()
                .get()
                .uri("/api/me")
                .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
                .exchange()
                .expectStatus()
                .isOk();
        }
    }

    @Test
    void withThePostgresDownRequestsAre503AndReadinessIsDown() {
        try (RunningPeopleService service = RunningPeopleService.start("people", database(),
                "--spring.r2dbc.pool.max-acquire-time=2s")) {
            PeopleClient.SignedIn signedIn = new PeopleClient(service.client()).signUp("outage@example.org", "Outage",
                    "down for a while");
            postgres.stop();
            try {
                service.client()
                    .post()
                    .uri("/api/session")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", "outage@example.org", "password", "down for a while"))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .exists(HttpHeaders.RETRY_AFTER);
                service.client()
                    .get()
                    .uri("/api/me")
                    .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
                await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> service.client()
                        .get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(503));
            }
            finally {
                postgres.start();
            }
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> service.client()
                    .get()
                    .uri("/api/me")
                    .header(HttpHeaders.AUTHORIZATION, PeopleClient.bearer(signedIn))
                    .exchange()
                    .expectStatus()
                    .isOk());
            assertThat(postgres.isRunning()).isTrue();
        }
    }

}
