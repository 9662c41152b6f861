package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.parley.harness.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The two sockets through the gateway to a live WebSocket backend standing in for
 * signaling-service: message size, where the token may travel, which origins may open
 * one, and the user socket's access token (PEOPLE.md §4).
 */
class GatewayWebSocketIT {

    private static final String ALLOWED_ELSEWHERE = "https://app.example";

    private static StubBackend signaling;

    private static StubBackend others;

    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        signaling = StubBackend.start("signaling-service");
        others = StubBackend.start("meeting-service");
        gateway = RunningGateway.start(SharedInfrastructure.redis(),
                StubBackend.serviceArgs(others.uri(), signaling.uri(), others.uri(), others.uri()),
                "--parley.gateway.services.people-service=" + others.uri(),
                "--parley.gateway.websocket.allowed-origins=" + ALLOWED_ELSEWHERE);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        others.close();
        signaling.close();
    }

    private static String url(String pathAndQuery) {
        return "ws://127.0.0.1:" + gateway.port() + pathAndQuery;
    }

    private static WebSocketCloseStatus closeStatusAfterSending(List<WebSocketFrame> frames) {
        return HttpClient.create()
            .websocket()
            .uri(url("/ws/signaling?access_token=" + TestTokens.valid("u-big")))
            .handle((in, out) -> Mono.from(out.sendObject(Flux.fromIterable(frames))).then(in.receiveCloseStatus()))
            .blockLast(Duration.ofSeconds(20));
    }

    /** The socket's greeting, which proves the upgrade went through to the backend. */
    private static String greeting(String pathAndQuery, HttpHeaders headers) {
        AtomicReference<String> greeting = new AtomicReference<>();
        new ReactorNettyWebSocketClient()
            .execute(URI.create(url(pathAndQuery)), headers,
                    session -> session.receive()
                        .map(WebSocketMessage::getPayloadAsText)
                        .next()
                        .doOnNext(greeting::set)
                        .then(session.close()))
            .block(Duration.ofSeconds(10));
        return greeting.get();
    }

    private static WebTestClient.ResponseSpec upgrade(String pathAndQuery, String origin) {
        WebTestClient.RequestHeadersSpec<?> request = gateway.client()
            .get()
            .uri(pathAndQuery)
            .header("Upgrade", "websocket")
            .header("Connection", "Upgrade")
            .header("Sec-WebSocket-Version", "13")
            .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        if (origin != null) {
            request.header("Origin", origin);
        }
        return request.exchange();
    }

    @Test
    void closesAFragmentedMessageOverTheLimitWithMessageTooBig() {
        // each fragment within the frame limit, together over it; the last one tips it,
        // so nothing is sent after
        WebSocketCloseStatus status = closeStatusAfterSending(
                List.of(new TextWebSocketFrame(false, 0, "x".repeat(30_000)),
                        new ContinuationWebSocketFrame(false, 0, "y".repeat(30_000)),
                        new ContinuationWebSocketFrame(true, 0, "z".repeat(10_000))));

        assertThat(status).isNotNull().extracting(WebSocketCloseStatus::code).isEqualTo(1009);
        assertThat(gateway.bean(MeterRegistry.class).counter("parley.gateway.websocket.too.big").count())
            .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void closesTheServicesSocketTooWhenTheClientsMessageWasTooBig() {
        int closedBefore = signaling.closeCodes().size();
        String part = "x".repeat(30_000);
        closeStatusAfterSending(
                List.of(new TextWebSocketFrame(false, 0, part), new ContinuationWebSocketFrame(true, 0, part + part)));

        await().untilAsserted(() -> assertThat(signaling.closeCodes()).hasSizeGreaterThan(closedBefore));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1008, 1011, 4401, 4409, 4410, 4503 })
    void passesTheServicesCloseCodeAndReasonOnToTheClient(int code) {
        WebSocketCloseStatus status = HttpClient.create()
            .websocket()
            .uri(url("/ws/signaling?close=" + code + "&access_token=" + TestTokens.valid("u-closed")))
            .handle((in, out) -> in.receiveCloseStatus())
            .blockLast(Duration.ofSeconds(20));

        assertThat(status).isNotNull();
        assertThat(status.code()).isEqualTo(code);
        assertThat(status.reasonText()).isEqualTo("closed by signaling-service");
    }

    @Test
    void closesASingleFrameOverTheLimitWithMessageTooBig() {
        WebSocketCloseStatus status = closeStatusAfterSending(List.of(new TextWebSocketFrame("x".repeat(70_000))));

        assertThat(status).isNotNull().extracting(WebSocketCloseStatus::code).isEqualTo(1009);
    }

    @Test
    void passesAFragmentedMessageWithinTheLimitOnAsOneMessage() {
        List<String> echoed = HttpClient.create()
            .websocket()
            .uri(url("/ws/signaling?access_token=" + TestTokens.valid("u-parts")))
            .handle((in, out) -> out
                .sendObject(Flux.just(new TextWebSocketFrame(false, 0, "hel"),
                        new ContinuationWebSocketFrame(true, 0, "lo")))
                .then()
                .thenMany(in.receive().asString().take(2)))
            .collectList()
            .block(Duration.ofSeconds(10));

        assertThat(echoed).containsExactly("hello from signaling-service", "hello");
    }

    @Test
    void movesATokenFromTheAuthorizationHeaderIntoTheAccessTokenParameter() {
        String token = TestTokens.valid("u-header");
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);

        assertThat(greeting("/ws/signaling?access_token=stale&x=1", headers)).isEqualTo("hello from signaling-service");

        assertThat(signaling.upgrades()).anySatisfy(upgrade -> {
            assertThat(upgrade.uri()).startsWith("/ws/signaling?")
                .contains("access_token=" + token, "x=1")
                .doesNotContain("stale");
            assertThat(upgrade.authorization()).isNull();
        });
    }

    @Test
    void refusesAnUpgradeFromAForeignOriginBeforeLookingAtItsToken() {
        upgrade("/ws/signaling?access_token=" + TestTokens.valid("u-hijacked"), "https://evil.example").expectStatus()
            .isForbidden()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(403)
            .jsonPath("$.title")
            .isEqualTo("Forbidden")
            .jsonPath("$.detail")
            .exists();
        upgrade("/ws/user?access_token=garbage", "null").expectStatus().isForbidden();

        assertThat(gateway.bean(MeterRegistry.class).counter("parley.gateway.websocket.origin.refused").count())
            .isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void acceptsUpgradesFromItsOwnOriginAnAllowedOneAndClientsThatSendNone() {
        for (String origin : new String[] { "http://127.0.0.1:" + gateway.port(), ALLOWED_ELSEWHERE, null }) {
            HttpHeaders headers = new HttpHeaders();
            if (origin != null) {
                headers.setOrigin(origin);
            }
            assertThat(greeting("/ws/signaling?access_token=" + TestTokens.valid("u-origin"), headers))
                .as("origin %s", origin)
                .isEqualTo("hello from signaling-service");
        }
    }

    @Test
    void routesTheUserSocketWithAnAccessTokenToSignaling() {
        String access = TestTokens.access("acc-sockets");

        assertThat(greeting("/ws/user?access_token=" + access, new HttpHeaders()))
            .isEqualTo("hello from signaling-service");
        assertThat(signaling.upgrades())
            .anySatisfy(upgrade -> assertThat(upgrade.uri()).isEqualTo("/ws/user?access_token=" + access));
    }

    @Test
    void refusesAJoinTokenOrNoTokenOnTheUserSocket() {
        upgrade("/ws/user?access_token=" + TestTokens.valid("u-guest"), null).expectStatus()
            .isUnauthorized()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .valueEquals("X-Parley-Service", "gateway")
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Not an access token.");
        upgrade("/ws/user", null).expectStatus()
            .isUnauthorized()
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Sign in first: an access token is required.");
    }

    @Test
    void refusesAnAccessTokenOnTheMeetingSocket() {
        upgrade("/ws/signaling?access_token=" + TestTokens.access("acc-not-a-participant"), null).expectStatus()
            .isUnauthorized()
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Not a join token.");
    }

}
