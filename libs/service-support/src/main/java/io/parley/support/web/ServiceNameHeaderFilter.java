package io.parley.support.web;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Names the answering service in every response, so an operator can tell which backend a
 * gateway route hit. A response proxied from another service keeps that service's name.
 */
public class ServiceNameHeaderFilter implements WebFilter {

    public static final String HEADER = "X-Parley-Service";

    private final String serviceName;

    public ServiceNameHeaderFilter(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            if (exchange.getResponse().getHeaders().getFirst(HEADER) == null) {
                exchange.getResponse().getHeaders().set(HEADER, serviceName);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

}
