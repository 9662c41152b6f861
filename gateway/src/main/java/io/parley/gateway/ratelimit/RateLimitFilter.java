package io.parley.gateway.ratelimit;

import java.net.InetSocketAddress;

import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.GatewayProperties;
import io.parley.gateway.auth.TokenCheckFilter;
import io.parley.tokens.JoinToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits every routed request by the subject of its verified join token, or by client address without one. When Redis cannot be asked the request goes through (fail open):
 * a rate limiter outage must not take the whole platform down; it is counted so it can alert.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimiter limiter;
    private final GatewayMetrics metrics;
    private final boolean enabled;
    private final RemoteAddressResolver addresses;

    public RateLimitFilter(RateLimiter limiter, GatewayMetrics metrics, GatewayProperties properties) {
        this.limiter = limiter;
        this.metrics = metrics;
        this.enabled = properties.rateLimit().enabled();
        int trustedProxies = properties.rateLimit().trustedProxies();
        this.addresses = trustedProxies > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies)
                : new RemoteAddressResolver() { };
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
        JoinToken token = TokenCheckFilter.verifiedToken(exchange);
        if (token != null) {
            return "sub:" + token.subject();
        }
        InetSocketAddress remote = addresses.resolve(exchange);
        if (remote == null) {
            return "addr:unknown";
        }
        return "addr:" + (remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
