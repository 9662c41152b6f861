package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.parley.harness.Ports;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

class GatewayResilienceIT {

    @Test
    void stoppedBackendGivesServiceUnavailableProblem() {
        StubBackend meeting = StubBackend.start("meeting-service");
        String stopped = "http://127.0.0.1:" + Ports.freePort();
        try (meeting;
                RunningGateway gateway = RunningGateway.start(SharedInfrastructure.redis(),
                        StubBackend.serviceArgs(meeting.uri(), meeting.uri(), stopped, meeting.uri()))) {
            gateway.client()
                .post()
                .uri("/api/streams")
                .header("Authorization", TestTokens.bearer("resilient"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.service")
                .isEqualTo("stream-limit-service")
                .jsonPath("$.reason")
                .isEqualTo("unreachable")
                .jsonPath("$.instance")
                .isEqualTo("/api/streams");
        }
    }

    @Test
    void stoppedPeopleServiceGivesServiceUnavailableProblem() {
        StubBackend meeting = StubBackend.start("meeting-service");
        String stopped = "http://127.0.0.1:" + Ports.freePort();
        try (meeting;
                RunningGateway gateway = RunningGateway.start(SharedInfrastructure.redis(),
                        StubBackend.serviceArgs(meeting.uri(), meeting.uri(), meeting.uri(), meeting.uri()),
                        "--parley.gateway.services.people-service=" + stopped)) {
            gateway.client()
                .post()
                .uri("/api/session")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.service")
                .isEqualTo("people-service")
                .jsonPath("$.reason")
                .isEqualTo("unreachable")
                .jsonPath("$.instance")
                .isEqualTo("/api/session");
        }
    }

    @Test
    void slowBackendGivesServiceUnavailableProblemAtTheTimeLimit() {
        Duration backendDelay = Duration.ofSeconds(10);
        try (StubBackend slow = StubBackend.start("metrics-collector", "slow", backendDelay);
                RunningGateway gateway = RunningGateway.start(SharedInfrastructure.redis(),
                        StubBackend.serviceArgs(slow.uri(), slow.uri(), slow.uri(), slow.uri()),
                        "--parley.gateway.resilience.timeout=500ms")) {
            long started = System.nanoTime();

            gateway.client()
                .get()
                .uri("/api/quality/meetings/m-1")
                .header("Authorization", TestTokens.bearer("resilient"))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("timeout")
                .jsonPath("$.detail")
                .isEqualTo("metrics-collector did not answer within 500 ms.");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(backendDelay);
        }
    }

    @Test
    void opensTheCircuitAfterRepeatedFailures() {
        StubBackend meeting = StubBackend.start("meeting-service");
        String stopped = "http://127.0.0.1:" + Ports.freePort();
        try (meeting;
                RunningGateway gateway = RunningGateway.start(SharedInfrastructure.redis(),
                        StubBackend.serviceArgs(stopped, meeting.uri(), meeting.uri(), meeting.uri()),
                        "--parley.gateway.resilience.minimum-calls=2",
                        "--parley.gateway.resilience.sliding-window-size=2")) {
            for (int i = 0; i < 2; i++) {
                gateway.client().get().uri("/api/meetings/m-1").exchange().expectStatus().isEqualTo(503);
            }

            gateway.client()
                .get()
                .uri("/api/meetings/m-1")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("circuit-open");
            gateway.client()
                .get()
                .uri("/api/streams")
                .header("Authorization", TestTokens.bearer("resilient"))
                .exchange()
                .expectStatus()
                .isOk();
        }
    }

    /**
     * Spring Cloud's Resilience4j bulkhead allowed 25 concurrent calls per route and
     * counted the rest as failures.
     */
    @Test
    void carriesManyConcurrentCallsToOneBackendWithoutOpeningTheCircuit() {
        int concurrentCalls = 100;
        try (StubBackend slow = StubBackend.start("meeting-service", "slow", Duration.ofMillis(500));
                RunningGateway gateway = RunningGateway.start(SharedInfrastructure.redis(),
                        StubBackend.serviceArgs(slow.uri(), slow.uri(), slow.uri(), slow.uri()),
                        "--parley.gateway.rate-limit.burst-capacity=10000")) {
            WebClient client = WebClient.create("http://127.0.0.1:" + gateway.port());

            List<HttpStatusCode> statuses = Flux.range(0, concurrentCalls)
                .flatMap(
                        i -> client.get()
                            .uri("/api/meetings/m-" + i)
                            .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode())),
                        concurrentCalls)
                .collectList()
                .block(Duration.ofSeconds(30));

            assertThat(statuses).hasSize(concurrentCalls).allMatch(HttpStatusCode::is2xxSuccessful);
        }
    }

}
