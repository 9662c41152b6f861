package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class GatewayRoutingIT {

    private static final List<StubBackend> backends = new ArrayList<>();

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        StubBackend meeting = keep(StubBackend.start("meeting-service"));
        StubBackend signaling1 = keep(StubBackend.start("signaling-service", "signaling-1", Duration.ZERO));
        StubBackend signaling2 = keep(StubBackend.start("signaling-service", "signaling-2", Duration.ZERO));
        StubBackend streams = keep(StubBackend.start("stream-limit-service"));
        StubBackend metrics = keep(StubBackend.start("metrics-collector"));
        StubBackend people = keep(StubBackend.start("people-service"));
        StubBackend recordings = keep(StubBackend.start("recording-service"));
        gateway = RunningGateway.start(SharedInfrastructure.redis(),
                StubBackend.serviceArgs(meeting.uri(), signaling1.uri() + "," + signaling2.uri(), streams.uri(),
                        metrics.uri()),
                "--parley.gateway.services.people-service=" + people.uri(),
                "--parley.gateway.services.recording-service=" + recordings.uri(),
                "--parley.gateway.max-request-size=64KB");
    }

    private static StubBackend keep(StubBackend backend) {
        backends.add(backend);
        return backend;
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backends.forEach(StubBackend::close);
    }

    /**
     * Each path with the token it takes: a join token, an access token (optional or
     * required), or none at all.
     */
    @ParameterizedTest
    @CsvSource({ "POST, /api/meetings, meeting-service, access", "GET, /api/meetings/m-1, meeting-service, join",
            "POST, /api/meetings/m-1/participants, meeting-service, access",
            "POST, /api/meetings/m-1/timer, meeting-service, join",
            "DELETE, /api/meetings/m-1/participants/p-2, meeting-service, join",
            "POST, /api/tokens, meeting-service, join", "GET, /.well-known/jwks.json, meeting-service, join",
            "POST, /api/streams, stream-limit-service, join", "PUT, /api/streams/s-1/lease, stream-limit-service, join",
            "GET, /api/startstream/42, stream-limit-service, join",
            "GET, /api/endstream/42, stream-limit-service, join", "POST, /api/quality/beacons, metrics-collector, join",
            "GET, /api/quality/meetings/m-1/summary, metrics-collector, join",
            "POST, /api/accounts, people-service, none", "POST, /api/session, people-service, none",
            "POST, /api/session/refresh, people-service, none", "DELETE, /api/session, people-service, none",
            "GET, /api/me, people-service, access", "GET, /api/me/sessions, people-service, access",
            "POST, /api/orgs, people-service, access", "GET, /api/orgs/o-1/members, people-service, access",
            "POST, /api/invitations/t-1/accept, people-service, access", "GET, /api/contacts, people-service, access",
            "POST, /api/contacts/c-1/messages, people-service, access", "GET, /api/calls, people-service, access",
            "POST, /api/calls/k-1/answer, people-service, access", "POST, /api/blocks, people-service, access",
            "DELETE, /api/blocks/a-2, people-service, access",
            "POST, /api/meetings/m-1/recording, meeting-service, join",
            "DELETE, /api/meetings/m-1/recording, meeting-service, join",
            "GET, /api/meetings/m-1/recordings, recording-service, join",
            "GET, /api/meetings/m-1/recordings, recording-service, access",
            "GET, /api/recordings/r-1, recording-service, access",
            "GET, /api/recordings/r-1/file, recording-service, join",
            "DELETE, /api/recordings/r-1, recording-service, access",
            "GET, /api/me/recordings, recording-service, access" })
    void routesEachPublicPathToItsService(String method, String path, String service, String token) {
        WebTestClient.RequestBodySpec request = gateway.client()
            .method(org.springframework.http.HttpMethod.valueOf(method))
            .uri(path);
        switch (token) {
            case "join" -> request.header("Authorization", TestTokens.bearer("router"));
            case "access" -> request.header("Authorization", "Bearer " + TestTokens.access("router"));
            default -> {
            }
        }
        request.contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Parley-Service", service)
            .expectBody()
            .jsonPath("$.path")
            .isEqualTo(path)
            .jsonPath("$.method")
            .isEqualTo(method);
    }

    @Test
    void spreadsSignalingSocketsOverEverySignalingInstance() {
        List<String> greetings = new ArrayList<>();
        ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();
        for (int i = 0; i < 4; i++) {
            client.execute(
                    URI.create("ws://127.0.0.1:" + gateway.port() + "/ws/signaling?access_token="
                            + TestTokens.valid("ws")),
                    session -> session.send(Mono.just(session.textMessage("ping")))
                        .thenMany(session.receive().map(WebSocketMessage::getPayloadAsText).take(2))
                        .doOnNext(greetings::add)
                        .then())
                .block(Duration.ofSeconds(10));
        }

        assertThat(greetings).contains("hello from signaling-1", "hello from signaling-2", "ping");
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        gateway.client()
            .get()
            .uri("/no/such/thing")
            .exchange()
            .expectStatus()
            .isNotFound()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(404)
            .jsonPath("$.title")
            .isEqualTo("Not Found")
            .jsonPath("$.instance")
            .isEqualTo("/no/such/thing");
    }

    @Test
    void bodyOverTheLimitIsAContentTooLargeProblem() {
        gateway.client()
            .post()
            .uri("/api/meetings")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("x".repeat(65 * 1024))
            .exchange()
            .expectStatus()
            .isEqualTo(413)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(413);
    }

    @Test
    void chunkedBodyOverTheLimitIsRejectedToo() {
        Flux<org.springframework.core.io.buffer.DataBuffer> chunks = Flux.range(0, 80)
            .map(i -> org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(new byte[1024]));
        gateway.client()
            .post()
            .uri("/api/meetings")
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .body(chunks, org.springframework.core.io.buffer.DataBuffer.class)
            .exchange()
            .expectStatus()
            .isEqualTo(413);
    }

    @Test
    void apiIndexListsThePublicEndpoints() {
        gateway.client()
            .get()
            .uri("/api")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("Parley")
            .jsonPath("$.endpoints[?(@.path == '/api/meetings' && @.method == 'POST')].service")
            .isEqualTo("meeting-service")
            .jsonPath("$.endpoints[?(@.path == '/api/startstream/{user_id}')].service")
            .isEqualTo("stream-limit-service");
    }

    @Test
    void servesTheWebClientAtTheRootForMeetingLinksAndForItsOwnPages() {
        for (String path : List.of("/", "/m/abc-123", "/signin", "/signup", "/account", "/meetings", "/orgs",
                "/orgs/0b7c6f1e-2f4e-4bb4-9f8e-1c2d3e4f5a6b", "/orgs/0b7c6f1e-2f4e-4bb4-9f8e-1c2d3e4f5a6b/quality",
                "/invite/abc_DEF-123", "/contacts", "/contacts/0b7c6f1e-2f4e-4bb4-9f8e-1c2d3e4f5a6b")) {
            gateway.client()
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .value(html -> assertThat(html).contains("<title>Parley</title>"));
        }
        gateway.client().get().uri("/app.js").exchange().expectStatus().isOk();
    }

    @Test
    void addsSecurityHeadersToProxiedAndLocalResponses() {
        for (String path : List.of("/api", "/api/meetings/m-1")) {
            gateway.client()
                .get()
                .uri(path)
                .exchange()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY")
                .expectHeader()
                .exists("Content-Security-Policy");
        }
    }

    @Test
    void answersCrossOriginRequestsOnlyForConfiguredOrigins() {
        gateway.client()
            .options()
            .uri("/api/meetings")
            .header("Origin", "https://elsewhere.example")
            .header("Access-Control-Request-Method", "POST")
            .exchange()
            .expectHeader()
            .doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void exposesReadinessWithRedisAndPrometheusMetricsOnTheManagementPort() {
        gateway.management()
            .get()
            .uri("/actuator/health/readiness")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.components.redis.status")
            .isEqualTo("UP");
        gateway.management()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(text -> assertThat(text).contains("parley_gateway_ratelimit_rejected_total"));
    }

    @Test
    void answersActuatorOnThePublicPortWithNotFound() {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness",
                "/actuator/prometheus", "/actuator/env")) {
            gateway.client()
                .get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
        }
    }

    @Test
    void sendsStrictTransportSecurityOnlyWhenTheClientCameOverHttps() {
        // no trusted proxy here: a client's own X-Forwarded-Proto proves nothing
        gateway.client()
            .get()
            .uri("/api")
            .header("X-Forwarded-Proto", "https")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .doesNotExist("Strict-Transport-Security");
    }

}
