package io.parley.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * A live HTTP and WebSocket server standing in for a backend service: it names itself in
 * the {@code X-Parley-Service} header as the real services do, echoes the path it was
 * asked for with the cookie and forwarded headers it received and, over a WebSocket,
 * greets with its instance name and echoes every message. It counts the requests per path
 * and keeps what each WebSocket upgrade came with.
 */
final class StubBackend implements AutoCloseable {

    /** What a WebSocket upgrade that reached the backend carried. */
    record Upgrade(String uri, String authorization) {
    }

    private final DisposableServer server;

    private final LoopResources loops;

    private final Map<String, AtomicInteger> hits;

    private final List<Upgrade> upgrades;

    private final List<Integer> closeCodes;

    private StubBackend(DisposableServer server, LoopResources loops, Map<String, AtomicInteger> hits,
            List<Upgrade> upgrades, List<Integer> closeCodes) {
        this.server = server;
        this.loops = loops;
        this.hits = hits;
        this.upgrades = upgrades;
        this.closeCodes = closeCodes;
    }

    static StubBackend start(String service, String instance, Duration delay) {
        return start(service, instance, delay, Map.of());
    }

    /** With fixed JSON bodies for some paths, e.g. a JWKS document. */
    static StubBackend start(String service, String instance, Duration delay, Map<String, String> fixedBodies) {
        return start(service, instance, delay, fixedBodies, Map.of());
    }

    /**
     * With headers added to every HTTP response, e.g. a {@code Set-Cookie}; fixed bodies
     * are read per request.
     */
    static StubBackend start(String service, String instance, Duration delay, Map<String, String> fixedBodies,
            Map<String, String> responseHeaders) {
        // own event loops: closing a gateway context disposes Reactor Netty's global ones
        LoopResources loops = LoopResources.create("stub-" + instance, 1, true);
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
        List<Integer> closeCodes = new CopyOnWriteArrayList<>();
        DisposableServer server = HttpServer.create()
            .runOn(loops)
            .host("127.0.0.1")
            .port(0)
            .handle((request, response) -> {
                String path = request.path().isEmpty() ? "/" : "/" + request.path();
                hits.computeIfAbsent(path, ignored -> new AtomicInteger()).incrementAndGet();
                if (request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
                    upgrades
                        .add(new Upgrade(request.uri(), request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION)));
                    QueryStringDecoder query = new QueryStringDecoder(request.uri());
                    List<String> closeWith = query.parameters().get("close");
                    if (closeWith != null) {
                        int code = Integer.parseInt(closeWith.get(0));
                        return response.sendWebsocket((in, out) -> out.sendClose(code, "closed by " + instance));
                    }
                    return response.sendWebsocket((in, out) -> {
                        in.receiveCloseStatus().subscribe(status -> closeCodes.add(status.code()));
                        return out.sendString(Mono.just("hello from " + instance).concatWith(in.receive().asString()));
                    });
                }
                String fixed = fixedBodies.get(path);
                String body = fixed != null ? fixed
                        : "{\"service\":\"" + service + "\",\"instance\":\"" + instance + "\",\"path\":\""
                                + request.uri() + "\",\"method\":\"" + request.method() + "\",\"cookie\":"
                                + json(request.requestHeaders().get(HttpHeaderNames.COOKIE)) + ",\"forwardedFor\":"
                                + json(request.requestHeaders().get("X-Forwarded-For")) + ",\"forwardedProto\":"
                                + json(request.requestHeaders().get("X-Forwarded-Proto")) + "}";
                responseHeaders.forEach(response::header);
                return Mono.delay(delay)
                    .then(request.receive().aggregate().asString().defaultIfEmpty(""))
                    .flatMap(ignored -> response.status(HttpResponseStatus.OK)
                        .header("X-Parley-Service", service)
                        .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(body))
                        .then());
            })
            .bindNow();
        return new StubBackend(server, loops, hits, upgrades, closeCodes);
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static StubBackend start(String service) {
        return start(service, service, Duration.ZERO);
    }

    String uri() {
        return "http://127.0.0.1:" + server.port();
    }

    /** How many requests reached this path. */
    int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    List<Upgrade> upgrades() {
        return List.copyOf(upgrades);
    }

    /** The close codes WebSocket clients (the gateway) closed their sockets here with. */
    List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
        loops.disposeLater().block(Duration.ofSeconds(5));
    }

    static Map<String, String> serviceArgs(String meeting, String signaling, String streamLimit, String metrics) {
        return Map.of("meeting-service", meeting, "signaling-service", signaling, "stream-limit-service", streamLimit,
                "metrics-collector", metrics);
    }

}
