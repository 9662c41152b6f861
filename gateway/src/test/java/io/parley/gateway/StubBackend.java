package io.parley.gateway;

import java.time.Duration;
import java.util.Map;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A live HTTP and WebSocket server standing in for a backend service: it names itself in the
 * {@code X-Parley-Service} header as the real services do, echoes the path it was asked for and, over a
 * WebSocket, greets with its instance name and echoes every message.
 */
final class StubBackend implements AutoCloseable {

    private final DisposableServer server;

    private StubBackend(DisposableServer server) {
        this.server = server;
    }

    static StubBackend start(String service, String instance, Duration delay) {
        DisposableServer server = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((request, response) -> {
                if (request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
                    return response.sendWebsocket((in, out) -> out
                        .sendString(Mono.just("hello from " + instance).concatWith(in.receive().asString())));
                }
                String body = "{\"service\":\"" + service + "\",\"instance\":\"" + instance + "\",\"path\":\""
                        + request.uri() + "\",\"method\":\"" + request.method() + "\"}";
                return Mono.delay(delay)
                    .then(request.receive().aggregate().asString().defaultIfEmpty(""))
                    .flatMap(ignored -> response.status(HttpResponseStatus.OK)
                        .header("X-Parley-Service", service)
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(body))
                        .then());
            })
            .bindNow();
        return new StubBackend(server);
    }

    static StubBackend start(String service) {
        return start(service, service, Duration.ZERO);
    }

    String uri() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    static Map<String, String> serviceArgs(String meeting, String signaling, String streamLimit, String metrics) {
        return Map.of("meeting-service", meeting, "signaling-service", signaling, "stream-limit-service", streamLimit,
                "metrics-collector", metrics);
    }
}
