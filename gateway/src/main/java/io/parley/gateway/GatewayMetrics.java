package io.parley.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Every metric the gateway adds to Spring Cloud Gateway's own; names are what Prometheus shows, dots as underscores. */
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

    public void backendUnavailable(String service, String reason) {
        Counter.builder("parley.gateway.backend.unavailable")
            .description("Requests answered 503 because a backend was down, slow or its circuit open")
            .tag("service", service)
            .tag("reason", reason)
            .register(registry)
            .increment();
    }
}
