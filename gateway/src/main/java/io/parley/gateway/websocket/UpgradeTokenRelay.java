package io.parley.gateway.websocket;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.parley.tokens.BearerTokens;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * A WebSocket upgrade may carry its token in the {@code Authorization: Bearer} header
 * (clients that are not browsers can set it) or in the {@code access_token} query
 * parameter (browsers cannot set headers on a WebSocket). The gateway accepts both, as it
 * does for every request, and verifies the header's when both are there. The sockets
 * behind it read only the parameter, so the header's token is moved into it, replacing
 * any other: the service gets exactly the token the gateway verified, the way a browser
 * sends it. Runs after the token check and before routing.
 */
@Component
public class UpgradeTokenRelay implements GlobalFilter, Ordered {

    private static final String BEARER = "Bearer ";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (!WebSocketOriginFilter.isUpgrade(request) || header == null
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.substring(BEARER.length()).isBlank()) {
            return chain.filter(exchange);
        }
        String token = header.substring(BEARER.length()).trim();
        URI withParameter = UriComponentsBuilder.fromUri(request.getURI())
            .replaceQueryParam(BearerTokens.QUERY_PARAMETER, UriUtils.encodeQueryParam(token, StandardCharsets.UTF_8))
            .build(true)
            .toUri();
        ServerHttpRequest relayed = request.mutate()
            .uri(withParameter)
            .headers(headers -> headers.remove(HttpHeaders.AUTHORIZATION))
            .build();
        return chain.filter(exchange.mutate().request(relayed).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

}
