package io.parley.streamlimit.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import io.parley.events.EventType;
import io.parley.harness.http.OversizedBodies;
import io.parley.streamlimit.RunningService;
import io.parley.streamlimit.StreamEventsReader;
import io.parley.streamlimit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/streams} on the real application, real Redis and real Kafka. */
class StreamsApiIT {

    private static RunningService service;

    private static WebTestClient client;

    private static StreamEventsReader events;

    @BeforeAll
    static void start() {
        service = RunningService.start();
        client = service.client();
        events = new StreamEventsReader();
    }

    @AfterAll
    static void stop() {
        events.close();
        service.close();
    }

    @Test
    void startsRenewsListsAndEndsAStreamForTheTokensUser() {
        String user = newUser();
        String token = TestTokens.token(user, "m1", "p1");

        client.post()
            .uri("/api/streams")
            .headers(h -> h.setBearerAuth(token))
            .bodyValue(Map.of("streamId", "m1:p1", "meetingId", "m1"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .location("/api/streams/m1:p1")
            .expectBody()
            .jsonPath("$.streamId")
            .isEqualTo("m1:p1")
            .jsonPath("$.streamCount")
            .isEqualTo(1)
            .jsonPath("$.limit")
            .isEqualTo(3)
            .jsonPath("$.leaseExpiresAt")
            .value(String.class, at -> assertThat(Instant.parse(at))
                .isBetween(Instant.now().plus(Duration.ofMinutes(9)), Instant.now().plus(Duration.ofMinutes(10))));
        StreamEventsReader.Event started = events.await(EventType.STREAM_STARTED, user, data -> true);
        assertThat(started.data().get("streamId").asString()).isEqualTo("m1:p1");
        assertThat(started.data().get("meetingId").asString()).isEqualTo("m1");
        assertThat(started.data().get("streamCount").asInt()).isEqualTo(1);

        client.put()
            .uri("/api/streams/m1:p1/lease")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.streamId")
            .isEqualTo("m1:p1")
            .jsonPath("$.streamCount")
            .isEqualTo(1);
        client.get()
            .uri("/api/streams")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.userId")
            .isEqualTo(user)
            .jsonPath("$.streamCount")
            .isEqualTo(1)
            .jsonPath("$.streams[0].streamId")
            .isEqualTo("m1:p1");
        client.delete()
            .uri("/api/streams/m1:p1")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .json("{\"streamCount\":0}");
        StreamEventsReader.Event ended = events.await(EventType.STREAM_ENDED, user, data -> true);
        assertThat(ended.data().get("reason").asString()).isEqualTo("ended");
    }

    @Test
    void startingTheSameStreamTwiceCountsItOnce() {
        String token = TestTokens.token(newUser(), "m1", "p1");
        for (int i = 0; i < 2; i++) {
            client.post()
                .uri("/api/streams")
                .headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("streamId", "m1:p1"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.streamCount")
                .isEqualTo(1);
        }
    }

    @Test
    void rejectsFourthConcurrentStreamWithCountAndLimit() {
        String user = newUser();
        String token = TestTokens.token(user, "m1", "p1");
        for (int i = 1; i <= 3; i++) {
            start(token, "s" + i).expectStatus().isCreated();
        }

        start(token, "s4").expectStatus()
            .isEqualTo(409)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(409)
            .jsonPath("$.title")
            .isEqualTo("Conflict")
            .jsonPath("$.detail")
            .isEqualTo("The user already holds 3 of 3 allowed streams.")
            .jsonPath("$.instance")
            .isEqualTo("/api/streams")
            .jsonPath("$.streamCount")
            .isEqualTo(3)
            .jsonPath("$.limit")
            .isEqualTo(3)
            .jsonPath("$.properties")
            .doesNotExist();
        StreamEventsReader.Event rejected = events.await(EventType.STREAM_REJECTED, user, data -> true);
        assertThat(rejected.data().get("streamId").asString()).isEqualTo("s4");
    }

    @Test
    void apiKeyCallersNameTheirUserAndGetTheirTenantsLimit() {
        String user = newUser();
        for (int i = 1; i <= 5; i++) {
            client.post()
                .uri("/api/streams")
                .header("X-Api-Key", RunningService.BIG_TENANT_API_KEY)
                .bodyValue(Map.of("userId", user, "streamId", "s" + i))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.limit")
                .isEqualTo(5)
                .jsonPath("$.streamCount")
                .isEqualTo(i);
        }
        client.post()
            .uri("/api/streams")
            .header("X-Api-Key", RunningService.BIG_TENANT_API_KEY)
            .bodyValue(Map.of("userId", user, "streamId", "s6"))
            .exchange()
            .expectStatus()
            .isEqualTo(409);

        client.get()
            .uri("/api/streams?userId={user}", user)
            .header("X-Api-Key", RunningService.API_KEY)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.streamCount")
            .isEqualTo(5)
            .jsonPath("$.limit")
            .isEqualTo(3);
        client.put()
            .uri("/api/streams/s1/lease?userId={user}", user)
            .header("X-Api-Key", RunningService.API_KEY)
            .exchange()
            .expectStatus()
            .isOk();
        client.delete()
            .uri("/api/streams/s1?userId={user}", user)
            .header("X-Api-Key", RunningService.API_KEY)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .json("{\"streamCount\":4}");
    }

    @Test
    void givesAStreamWithoutIdANewOne() {
        String token = TestTokens.token(newUser(), "m1", "p1");
        client.post()
            .uri("/api/streams")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.streamId")
            .value(String.class, id -> assertThat(UUID.fromString(id)).isNotNull());
    }

    @Test
    void renewingAStreamNotHeldIsNotFound() {
        String token = TestTokens.token(newUser(), "m1", "p1");
        client.put()
            .uri("/api/streams/m1:p1/lease")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.reason")
            .isEqualTo("not-held")
            .jsonPath("$.streamId")
            .isEqualTo("m1:p1");
    }

    @Test
    void endingAStreamNotHeldLeavesTheCountAtZero() {
        String token = TestTokens.token(newUser(), "m1", "p1");
        client.delete()
            .uri("/api/streams/never")
            .headers(h -> h.setBearerAuth(token))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .json("{\"streamCount\":0}");
    }

    @Test
    void refusesEveryEndpointWithoutValidCredentials() {
        String foreign = TestTokens.sign(TestTokens.OTHER_KEY, newUser(), "m1", "p1", Duration.ofHours(1));
        String expired = TestTokens.sign(TestTokens.KEY, newUser(), "m1", "p1", Duration.ofSeconds(-60));
        List<Function<WebTestClient.RequestHeadersSpec<?>, WebTestClient.RequestHeadersSpec<?>>> credentials = List.of(
                spec -> spec, spec -> spec.header("Authorization", "Bearer " + foreign),
                spec -> spec.header("Authorization", "Bearer " + expired),
                spec -> spec.header("Authorization", "Bearer not-a-jwt"),
                spec -> spec.header("Authorization", "Basic dXNlcjpwYXNz"),
                spec -> spec.header("X-Api-Key", "wrong-key"), spec -> spec.header("X-Api-Key", ""));
        for (var withCredentials : credentials) {
            for (var request : requests(newUser())) {
                withCredentials.apply(request)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .exists("WWW-Authenticate");
            }
        }
    }

    @Test
    void answersBadInputOnEveryEndpointWithAProblem() {
        String token = "Bearer " + TestTokens.token(newUser(), "m1", "p1");
        String tooLong = "s".repeat(201);
        assertProblem(client.post()
            .uri("/api/streams")
            .header("Authorization", token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"streamId\":"), 400);
        assertProblem(client.post()
            .uri("/api/streams")
            .header("Authorization", token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("[1,2]"), 400);
        assertProblem(client.post()
            .uri("/api/streams")
            .header("Authorization", token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"streamId\":{\"a\":1}}"), 400);
        assertProblem(
                client.post().uri("/api/streams").header("Authorization", token).bodyValue(Map.of("streamId", tooLong)),
                400);
        assertProblem(
                client.post().uri("/api/streams").header("Authorization", token).bodyValue(Map.of("streamId", "a b/c")),
                400);
        assertProblem(
                client.post().uri("/api/streams").header("Authorization", token).bodyValue(Map.of("streamId", "")),
                400);
        assertProblem(
                client.post().uri("/api/streams").header("Authorization", token).bodyValue(Map.of("meetingId", "m 1")),
                400);
        assertProblem(client.post()
            .uri("/api/streams")
            .header("Authorization", token)
            .contentType(MediaType.TEXT_PLAIN)
            .bodyValue("streamId=s1"), 415);
        assertProblem(OversizedBodies.client(service.baseUrl())
            .post()
            .uri("/api/streams")
            .header("Authorization", token)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"streamId\":\"" + "x".repeat(40_000) + "\"}"), 413);
        assertProblem(client.post()
            .uri("/api/streams")
            .header("Authorization", token)
            .bodyValue(Map.of("userId", "someone-else")), 403);
        assertProblem(client.post()
            .uri("/api/streams")
            .header("Authorization", token)
            .bodyValue(Map.of("meetingId", "another-meeting")), 403);
        assertProblem(client.post()
            .uri("/api/streams")
            .header("X-Api-Key", RunningService.API_KEY)
            .bodyValue(Map.of("streamId", "s1")), 400);
        assertProblem(client.post()
            .uri("/api/streams")
            .header("X-Api-Key", RunningService.API_KEY)
            .bodyValue(Map.of("userId", "has space")), 400);
        assertProblem(client.put().uri("/api/streams/" + tooLong + "/lease").header("Authorization", token), 400);
        assertProblem(client.put().uri("/api/streams/a%20b/lease").header("Authorization", token), 400);
        assertProblem(
                client.put().uri("/api/streams/s1/lease?userId={u}", "x y").header("X-Api-Key", RunningService.API_KEY),
                400);
        assertProblem(client.delete().uri("/api/streams/" + tooLong).header("Authorization", token), 400);
        assertProblem(client.delete().uri("/api/streams/s1").header("X-Api-Key", RunningService.API_KEY), 400);
        assertProblem(client.get().uri("/api/streams").header("X-Api-Key", RunningService.API_KEY), 400);
        assertProblem(client.method(HttpMethod.PATCH).uri("/api/streams").header("Authorization", token), 405);
        assertProblem(client.get().uri("/api/streams/s1/lease/extra").header("Authorization", token), 404);
    }

    @Test
    void leavesTheSeedCompatibleApiOffByDefault() {
        client.get()
            .uri("/api/startstream/1")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void exposesTheStreamMetrics() {
        client.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(text -> assertThat(text).contains("parley_streams_leases_active", "parley_streams_admissions_total",
                    "parley_streams_rejections_total", "parley_streams_evictions_total",
                    "parley_streams_expiries_total", "parley_streams_redis_errors_total",
                    "parley_streams_releases_skipped_total", "resilience4j_circuitbreaker_state"));
    }

    private static List<WebTestClient.RequestHeadersSpec<?>> requests(String user) {
        return List.of(client.post().uri("/api/streams").bodyValue(Map.of("userId", user, "streamId", "s1")),
                client.put().uri("/api/streams/s1/lease?userId={u}", user),
                client.delete().uri("/api/streams/s1?userId={u}", user),
                client.get().uri("/api/streams?userId={u}", user));
    }

    private static void assertProblem(WebTestClient.RequestHeadersSpec<?> request, int status) {
        request.exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status);
    }

    private static WebTestClient.ResponseSpec start(String token, String streamId) {
        return client.post()
            .uri("/api/streams")
            .headers(h -> h.setBearerAuth(token))
            .bodyValue(Map.of("streamId", streamId))
            .exchange();
    }

    private static String newUser() {
        return "user-" + UUID.randomUUID();
    }

}
