package io.parley.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Every metric the gateway adds to Spring Cloud Gateway's own; names are what Prometheus
 * shows, dots as underscores.
 */
@Component
public class GatewayMetrics {

    private final MeterRegistry registry;

    private final Counter rateLimited;

    private final Counter rateLimiterErrors;

    private final Counter tooLarge;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimited = Counter.builder("parley.gateway.ratelimit.rejected")
            .description("Requests answered 429 because the client's budget was spent")
            .register(registry);
        this.rateLimiterErrors = Counter.builder("parley.gateway.ratelimit.errors")
            .description("Requests let through unchecked because Redis could not be asked (fail open)")
            .register(registry);
        this.tooLarge = Counter.builder("parley.gateway.request.too.large")
            .description("Requests answered 413 because the body exceeded the limit")
            .register(registry);
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void rateLimiterFailedOpen() {
        rateLimiterErrors.increment();
    }

    public void requestTooLarge() {
        tooLarge.increment();
    }

    /**
     * A token the gateway refused before routing; {@code reason}: {@code invalid}
     * (missing, forged, expired, of the wrong kind), {@code revoked},
     * {@code keys-unavailable} or {@code revocations-unavailable} (both 503).
     */
    public void tokenRefused(String reason) {
        Counter.builder("parley.gateway.tokens.refused")
            .description("Requests refused at the gateway for their token (401 or 503), by reason")
            .tag("reason", reason)
            .register(registry)
            .increment();
    }

    /**
     * A WebSocket upgrade refused with 403 because a browser sent it from an origin that
     * is not allowed.
     */
    public void webSocketOriginRefused() {
        Counter.builder("parley.gateway.websocket.origin.refused")
            .description("WebSocket upgrades answered 403 because their Origin is not allowed")
            .register(registry)
            .increment();
    }

    /**
     * A client's WebSocket message over the size limit: the socket was closed with 1009.
     */
    public void webSocketMessageTooBig() {
        Counter.builder("parley.gateway.websocket.too.big")
            .description("WebSockets closed with 1009 because a client's message exceeded the size limit")
            .register(registry)
            .increment();
    }

    /**
     * A request Netty refused before Spring saw it (431, 414, 400), answered with a
     * problem body.
     */
    public void malformedRequest(int status) {
        Counter.builder("parley.gateway.request.malformed")
            .description("Requests refused while being decoded: header fields too large, URI too long, malformed")
            .tag("status", String.valueOf(status))
            .register(registry)
            .increment();
    }

    public void backendUnavailable(String service, String reason) {
        Counter.builder("parley.gateway.backend.unavailable")
            .description("Requests answered 503 because a backend was down, slow or its circuit open")
            .tag("service", service)
            .tag("reason", reason)
            .register(registry)
            .increment();
    }

}
