package io.parley.gateway.headers;

import io.parley.gateway.forwarding.ClientOrigin;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, proxied ones included (set just before commit,
 * after the backend's headers were copied). The CSP allows only the gateway's own origin:
 * the web client loads nothing from elsewhere. HSTS only when the client came over HTTPS,
 * to the gateway or to a trusted proxy in front of it.
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final ClientOrigin origin;

    public SecurityHeadersFilter(ClientOrigin origin) {
        this.origin = origin;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Permissions-Policy", "camera=(self), microphone=(self), geolocation=()");
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            if ("https".equals(origin.scheme(exchange.getRequest()))) {
                headers.set("Strict-Transport-Security", "max-age=31536000");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
