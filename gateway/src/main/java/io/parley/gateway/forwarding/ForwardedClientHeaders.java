package io.parley.gateway.forwarding;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is, in headers they can trust because only the
 * gateway reaches them: the client's address in {@code X-Forwarded-For} (people-service
 * throttles sign-ins per address) and its scheme in {@code X-Forwarded-Proto}
 * (people-service marks the session cookie {@code Secure} over HTTPS). Spring Cloud
 * Gateway has already dropped whatever {@code Forwarded} and {@code X-Forwarded-*}
 * headers the request came with; this runs after it and writes one value each, as
 * {@link ClientOrigin} resolved them.
 */
@Component
public class ForwardedClientHeaders implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final ClientOrigin origin;

    public ForwardedClientHeaders(ClientOrigin origin) {
        this.origin = origin;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(input);
        headers.set(X_FORWARDED_FOR, origin.address(exchange));
        headers.set(ClientOrigin.X_FORWARDED_PROTO, origin.scheme(exchange.getRequest()));
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
