package io.parley.support.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.EventLoop;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Lets a request's work resume on the event loop that owns its connection after a Redis
 * or Kafka reply.
 * <p>
 * Without it, everything after the reply (decisions, events, encoding the answer) runs on
 * the client's single I/O thread — one Lettuce connection, one thread for every request
 * of the instance — and the answer is written from a foreign thread. With it, that work
 * spreads over the server's event loops and the answer is written in-loop.
 * <p>
 * A service that calls {@link #resumeOnRequestLoop} registers this filter as a bean; the
 * others do not pay for it (measured in metrics-collector, the extra hop cost more than
 * it spread).
 */
public class RequestEventLoop implements WebFilter, Ordered {

    private static final String KEY = RequestEventLoop.class.getName();

    private final Map<EventLoop, Scheduler> schedulers = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (!(nativeRequest instanceof Connection connection)) {
            return chain.filter(exchange);
        }
        Scheduler loop = schedulers.computeIfAbsent(connection.channel().eventLoop(), Schedulers::fromExecutor);
        return chain.filter(exchange).contextWrite(context -> context.put(KEY, loop));
    }

    /**
     * The call, its signals delivered on the current request's event loop (unchanged
     * outside a request).
     */
    public static <T> Mono<T> resumeOnRequestLoop(Mono<T> call) {
        return Mono.deferContextual(context -> {
            Optional<Scheduler> loop = context.getOrEmpty(KEY);
            return loop.isPresent() ? call.publishOn(loop.get()) : call;
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
