package io.parley.streamlimit.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.streamlimit.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

/**
 * Two service instances on one Redis, as in production: bursts of starts and ends for one
 * user.
 */
class ConcurrentLeasesIT {

    private static final int REQUESTS = 1_000;

    private static final String GENEROUS_REDIS_TIMEOUT = "--spring.data.redis.timeout=30s";

    private static RunningService first;

    private static RunningService second;

    private static ConnectionProvider connections;

    private static WebClient client;

    @BeforeAll
    static void start() {
        // the test is about admission under concurrency, not speed: on a loaded machine a
        // burst of 1,000 can take
        // Redis replies past the usual 2 s timeout, and a 503 would say nothing about
        // over-admission
        first = RunningService.start(GENEROUS_REDIS_TIMEOUT);
        second = RunningService.start(GENEROUS_REDIS_TIMEOUT);
        connections = ConnectionProvider.builder("concurrent-leases")
            .maxConnections(REQUESTS)
            .pendingAcquireMaxCount(-1)
            .build();
        client = WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(
                    HttpClient.create(connections).responseTimeout(Duration.ofSeconds(60))))
            .defaultHeader("X-Api-Key", RunningService.API_KEY)
            .build();
    }

    @AfterAll
    static void stop() {
        if (connections != null) {
            connections.dispose();
        }
        // both, even when the first reports blocking calls: a second left running would
        // take partitions from the
        // services of the test classes after this one
        try {
            if (first != null) {
                first.close();
            }
        }
        finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void admitsExactlyTheLimitOutOfAThousandConcurrentStartsOnTwoInstances() {
        String user = "burst-" + UUID.randomUUID();

        List<Integer> statuses = Flux.range(0, REQUESTS)
            .flatMap(
                    i -> client.post()
                        .uri(instance(i) + "/api/streams")
                        .bodyValue(Map.of("userId", user, "streamId", "s" + i))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                    REQUESTS)
            .collectList()
            .block(Duration.ofMinutes(2));

        assertThat(statuses).hasSize(REQUESTS);
        assertThat(statuses).filteredOn(status -> status == HttpStatus.CREATED.value()).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == HttpStatus.CONFLICT.value()).hasSize(REQUESTS - 3);
        assertThat(activeCount(user)).isEqualTo(3);
    }

    @Test
    void aThousandConcurrentEndsNeverTakeTheCountBelowZero() {
        String user = "ends-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            client.post()
                .uri(instance(i) + "/api/streams")
                .bodyValue(Map.of("userId", user, "streamId", "s" + i))
                .retrieve()
                .toBodilessEntity()
                .block();
        }

        List<JsonNode> answers = Flux.range(0, REQUESTS)
            .flatMap(i -> client.delete()
                .uri(instance(i) + "/api/streams/s{n}?userId={user}", i % 4, user)
                .retrieve()
                .bodyToMono(JsonNode.class), REQUESTS)
            .collectList()
            .block(Duration.ofMinutes(2));

        assertThat(answers).hasSize(REQUESTS);
        // an end of s3, which was never held, answers the count as it stands: 3 when it
        // comes before every other end
        assertThat(answers).allSatisfy(answer -> assertThat(answer.get("streamCount").asInt()).isBetween(0, 3));
        assertThat(activeCount(user)).isZero();
        client.post()
            .uri(first.baseUrl() + "/api/streams")
            .bodyValue(Map.of("userId", user, "streamId", "again"))
            .retrieve()
            .bodyToMono(JsonNode.class)
            .map(body -> body.get("streamCount").asInt())
            .as(count -> assertThat(count.block()).isEqualTo(1));
    }

    private static int activeCount(String user) {
        return client.get()
            .uri(second.baseUrl() + "/api/streams?userId={user}", user)
            .retrieve()
            .bodyToMono(JsonNode.class)
            .map(body -> body.get("streamCount").asInt())
            .block();
    }

    private static String instance(int i) {
        return (i % 2 == 0 ? first : second).baseUrl();
    }

}
