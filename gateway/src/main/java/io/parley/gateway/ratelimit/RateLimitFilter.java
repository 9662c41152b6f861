package io.parley.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spends one request of the client's {@link RequestBudget} for every request the gateway
 * lets through to a service; the filters that refuse a request before this one spend it
 * themselves.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final RequestBudget budget;

    public RateLimitFilter(RequestBudget budget) {
        this.budget = budget;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return budget.spend(exchange).then(Mono.defer(() -> chain.filter(exchange)));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

}
