package io.parley.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import io.parley.gateway.GatewayMetrics;
import io.parley.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects bodies over {@code parley.gateway.max-request-size} with 413: up front when
 * Content-Length says so, and while streaming for chunked bodies that do not declare a
 * length.
 */
@Component
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    private final GatewayMetrics metrics;

    public RequestSizeLimitFilter(GatewayProperties properties, GatewayMetrics metrics) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(tooLarge());
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private ResponseStatusException tooLarge() {
        metrics.requestTooLarge();
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes.");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

}
