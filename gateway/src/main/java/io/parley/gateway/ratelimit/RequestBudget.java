package io.parley.gateway.ratelimit;

import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.GatewayProperties;
import io.parley.gateway.auth.VerifiedCaller;
import io.parley.gateway.forwarding.ClientOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The per-client request budget every request spends from, refused ones included: by the
 * subject of its verified token (join or access: a signed-in person is one budget across
 * devices and meetings), or by client address without one. A request the gateway refuses
 * (bad, forged, expired or missing token, foreign origin) has no verified subject, so it
 * spends its address's budget, and once that is spent it is answered 429 instead:
 * refusing is not a way around the limit. When Redis cannot be asked the request goes on
 * (fail open): a rate limiter outage must not take the whole platform down; it is counted
 * so it can alert.
 */
@Component
public class RequestBudget {

    private static final Logger log = LoggerFactory.getLogger(RequestBudget.class);

    private final RateLimiter limiter;

    private final GatewayMetrics metrics;

    private final boolean enabled;

    private final ClientOrigin origin;

    public RequestBudget(RateLimiter limiter, GatewayMetrics metrics, GatewayProperties properties,
            ClientOrigin origin) {
        this.limiter = limiter;
        this.metrics = metrics;
        this.enabled = properties.rateLimit().enabled();
        this.origin = origin;
    }

    /**
     * Spends one request; fails with {@link RateLimitedException} (429) when the budget
     * is spent.
     */
    public Mono<Void> spend(ServerWebExchange exchange) {
        if (!enabled) {
            return Mono.empty();
        }
        return limiter.tryAcquire(clientKey(exchange)).onErrorResume(error -> {
            log.warn("Rate limiter unavailable, letting the request through: {}", error.toString());
            metrics.rateLimiterFailedOpen();
            return Mono.empty();
        }).flatMap(decision -> {
            exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
            if (decision.allowed()) {
                return Mono.<Void>empty();
            }
            metrics.rateLimited();
            return Mono.<Void>error(new RateLimitedException(decision.retryAfterSeconds()));
        });
    }

    /**
     * Spends one request for a request the gateway refuses, then fails with the refusal,
     * or with 429 if spent.
     */
    public <T> Mono<T> refuse(ServerWebExchange exchange, Throwable refusal) {
        return spend(exchange).then(Mono.error(refusal));
    }

    private String clientKey(ServerWebExchange exchange) {
        VerifiedCaller caller = VerifiedCaller.of(exchange);
        if (caller != null) {
            return "sub:" + caller.subject();
        }
        return "addr:" + origin.address(exchange);
    }

}
