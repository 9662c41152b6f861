package io.parley.gateway.websocket;

import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.GatewayProperties;
import io.parley.gateway.ratelimit.RequestBudget;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses, with 403, a WebSocket upgrade a browser sends from a page of a foreign origin
 * ({@link AllowedOrigins}), before its token is looked at: a socket carries a
 * participant's or a person's authority for as long as it lives, and the same-origin
 * policy does not stop a page from opening one elsewhere. The refusal spends the client's
 * request budget like any other.
 */
@Component
public class WebSocketOriginFilter implements GlobalFilter, Ordered {

    private final AllowedOrigins origins;

    private final RequestBudget budget;

    private final GatewayMetrics metrics;

    public WebSocketOriginFilter(GatewayProperties properties, RequestBudget budget, GatewayMetrics metrics) {
        this.origins = new AllowedOrigins(properties.websocket().allowedOrigins());
        this.budget = budget;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        if (!isUpgrade(request) || origins.allows(headers.getOrigin(), headers.getFirst(HttpHeaders.HOST))) {
            return chain.filter(exchange);
        }
        metrics.webSocketOriginRefused();
        return budget.refuse(exchange, foreignOrigin());
    }

    static boolean isUpgrade(ServerHttpRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
    }

    private static ErrorResponseException foreignOrigin() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "WebSockets may be opened only from this site's own pages and the origins it allows.");
        problem.setTitle(HttpStatus.FORBIDDEN.getReasonPhrase());
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }

    @Override
    public int getOrder() {
        // before the token check: a foreign page's upgrade is refused whatever token it
        // carries
        return Ordered.HIGHEST_PRECEDENCE + 3;
    }

}
