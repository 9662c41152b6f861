package io.parley.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

class WebSocketUpgradesTests {

    private final WebSocketUpgrades predicate = new WebSocketUpgrades();

    @Test
    void doesNotObserveAWebSocketUpgradeAsAnHttpRequest() {
        MockServerHttpRequest upgrade = MockServerHttpRequest.get("/ws/signaling?access_token=t")
            .header("Upgrade", "WebSocket")
            .header("Connection", "Upgrade")
            .build();

        assertThat(predicate.test("http.server.requests", context(upgrade))).isFalse();
    }

    @Test
    void observesOrdinaryRequests() {
        assertThat(predicate.test("http.server.requests", context(MockServerHttpRequest.get("/ws/signaling").build())))
            .isTrue();
        assertThat(predicate.test("http.server.requests", context(MockServerHttpRequest.post("/api/meetings").build())))
            .isTrue();
    }

    @Test
    void leavesOtherObservationsAlone() {
        assertThat(predicate.test("lettuce.command", new Observation.Context())).isTrue();
    }

    private static ServerRequestObservationContext context(MockServerHttpRequest request) {
        return new ServerRequestObservationContext(request, new MockServerHttpResponse(), Map.of());
    }

}
