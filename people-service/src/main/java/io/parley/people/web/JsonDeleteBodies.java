package io.parley.people.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A DELETE whose optional body was left out (as {@code fetch} and {@code curl -X DELETE}
 * do) carries no content type, and WebFlux would answer 415 before the handler learns
 * that there is no body. Such a request is read as JSON, the only body this service
 * takes; one that names another content type still gets its 415.
 */
@Component
class JsonDeleteBodies implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.DELETE
                || exchange.getRequest().getHeaders().getContentType() != null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
            .request(request -> request
                .headers(headers -> headers.set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)))
            .build());
    }

}
