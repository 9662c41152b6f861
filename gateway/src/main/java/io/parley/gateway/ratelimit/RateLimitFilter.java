package io.parley.gateway.ratelimit;

import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.GatewayProperties;
import io.parley.gateway.auth.TokenCheckFilter;
import io.parley.gateway.auth.VerifiedCaller;
import io.parley.gateway.forwarding.ClientOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits every routed request by the subject of its verified token (join or access: a signed-in person is one budget
 * across devices and meetings), or by client address without one. When Redis cannot be asked the request goes
 * through (fail open): a rate limiter outage must not take the whole platform down; it is counted so it can alert.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final GatewayMetrics metrics;
    private final boolean enabled;
    private final ClientOrigin origin;

    public RateLimitFilter(RateLimiter limiter, GatewayMetrics metrics, GatewayProperties properties,
            ClientOrigin origin) {
        this.limiter = limiter;
        this.metrics = metrics;
        this.enabled = properties.rateLimit().enabled();
        this.origin = origin;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        return limiter.tryAcquire(clientKey(exchange))
            .onErrorResume(error -> {
                log.warn("Rate limiter unavailable, letting the request through: {}", error.toString());
                metrics.rateLimiterFailedOpen();
                return Mono.empty();
            })
            .flatMap(decision -> {
                exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
                if (decision.allowed()) {
                    return Mono.<Void>empty();
                }
                metrics.rateLimited();
                return Mono.<Void>error(new RateLimitedException(decision.retryAfterSeconds()));
            })
            .then(Mono.defer(() -> chain.filter(exchange)));
    }

    private String clientKey(ServerWebExchange exchange) {
        VerifiedCaller caller = TokenCheckFilter.verifiedCaller(exchange);
        if (caller != null) {
            return "sub:" + caller.subject();
        }
        return "addr:" + origin.address(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
