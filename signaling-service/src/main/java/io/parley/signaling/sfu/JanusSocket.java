package io.parley.signaling.sfu;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.client.WebSocketClient;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Janus API of one instance over one WebSocket (subprotocol {@code janus-protocol}),
 * where the participants' sessions live: Janus pushes their plugin events on it. Replies
 * are matched by transaction; an asynchronous plugin request is answered by the
 * {@code event} carrying its transaction, which Janus may send before or after its
 * {@code ack}. Anything else is given to the listener of the handle that sent it. When
 * the socket closes, pending requests fail with {@link JanusUnavailableException}, every
 * listener hears {@link JanusEvents#onLost()}, and the next request opens a new socket.
 */
public final class JanusSocket {

    private static final Logger log = LoggerFactory.getLogger(JanusSocket.class);

    /** SDPs of large subscriptions run to tens of kilobytes. */
    private static final int MAX_FRAME = 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;

    private final URI uri;

    private final String apiSecret;

    private final Duration timeout;

    private final WebSocketClient client;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private final Map<Long, JanusEvents> listeners = new ConcurrentHashMap<>();

    private final AtomicReference<Mono<Sinks.Many<String>>> link = new AtomicReference<>();

    JanusSocket(String name, URI uri, String apiSecret, Duration timeout) {
        this.name = name;
        this.uri = uri;
        this.apiSecret = apiSecret;
        this.timeout = timeout;
        this.client = new ReactorNettyWebSocketClient(HttpClient.create(),
                () -> WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME));
    }

    public String name() {
        return name;
    }

    /** A new Janus session on this socket; its id. */
    Mono<Long> createSession() {
        return request(request("create"), false).map((reply) -> reply.path("data").path("id").asLong());
    }

    /**
     * A handle on the plugin, its events given to {@code events}; its id. Janus repeats
     * the opaque id in what its event handlers report of the handle, which is how those
     * reports are tied to a meeting and a participant.
     */
    Mono<Long> attach(long session, String plugin, String opaqueId, JanusEvents events) {
        ObjectNode attach = request("attach").put("session_id", session)
            .put("plugin", plugin)
            .put("opaque_id", opaqueId);
        return request(attach, false).map((reply) -> {
            long handle = reply.path("data").path("id").asLong();
            listeners.put(handle, events);
            return handle;
        });
    }

    /**
     * An asynchronous plugin request (VideoRoom's {@code join}, {@code publish},
     * {@code start}, ...), with a JSEP when not null; the plugin's event that answers it.
     */
    Mono<JsonNode> message(long session, long handle, ObjectNode body, ObjectNode jsep) {
        ObjectNode message = request("message").put("session_id", session).put("handle_id", handle);
        message.set("body", body);
        if (jsep != null) {
            message.set("jsep", jsep);
        }
        return request(message, true).map((reply) -> {
            JsonNode data = reply.path("plugindata").path("data");
            if (data.has("error_code")) {
                throw new JanusException(name, data.path("error_code").asInt(0), data.path("error").asString(""));
            }
            return reply;
        });
    }

    Mono<Void> keepalive(long session) {
        return request(request("keepalive").put("session_id", session), false).then();
    }

    /**
     * Destroys the session and its handles; the listeners of those handles are dropped.
     */
    Mono<Void> destroySession(long session, List<Long> handles) {
        handles.forEach(listeners::remove);
        return request(request("destroy").put("session_id", session), false).then();
    }

    private ObjectNode request(String janus) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("janus", janus);
        if (!apiSecret.isEmpty()) {
            request.put("apisecret", apiSecret);
        }
        return request;
    }

    private Mono<JsonNode> request(ObjectNode request, boolean untilEvent) {
        String transaction = UUID.randomUUID().toString();
        request.put("transaction", transaction);
        Pending reply = new Pending(Sinks.one(), untilEvent);
        pending.put(transaction, reply);
        return link().flatMap((out) -> send(out, request.toString()))
            .then(reply.sink().asMono())
            .timeout(timeout)
            .onErrorMap(TimeoutException.class, (ex) -> new JanusUnavailableException(name, ex))
            .doFinally((signal) -> pending.remove(transaction))
            .map((answer) -> {
                if ("error".equals(answer.path("janus").asString(""))) {
                    JsonNode error = answer.path("error");
                    throw new JanusException(name, error.path("code").asInt(0), error.path("reason").asString(""));
                }
                return answer;
            });
    }

    /** Requests come from many threads; a unicast sink takes one at a time. */
    private Mono<Void> send(Sinks.Many<String> out, String frame) {
        Sinks.EmitResult result;
        synchronized (out) {
            result = out.tryEmitNext(frame);
        }
        return result.isSuccess() ? Mono.empty() : Mono.error(new JanusUnavailableException(name,
                new IllegalStateException("the WebSocket to Janus is closing: " + result)));
    }

    /** The open socket's outbound side; opened on first use and after a close. */
    private Mono<Sinks.Many<String>> link() {
        Mono<Sinks.Many<String>> current = link.get();
        if (current != null) {
            return current;
        }
        Mono<Sinks.Many<String>> opening = open();
        return link.compareAndSet(null, opening) ? opening : link.get();
    }

    /**
     * Connects on first subscription; a failed attempt is not kept, so the next request
     * tries again.
     */
    private Mono<Sinks.Many<String>> open() {
        AtomicReference<Mono<Sinks.Many<String>>> self = new AtomicReference<>();
        Mono<Sinks.Many<String>> opening = Mono.defer(() -> {
            Sinks.One<Sinks.Many<String>> opened = Sinks.one();
            Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
            client.execute(uri, new Handler(out, opened))
                .doFinally((signal) -> closed(self.get()))
                .subscribe(null, (error) -> {
                    opened.tryEmitError(new JanusUnavailableException(name, error));
                    log.warn("WebSocket to Janus {} failed: {}", name, error.toString());
                });
            return opened.asMono();
        })
            .timeout(timeout)
            .onErrorMap(TimeoutException.class, (ex) -> new JanusUnavailableException(name, ex))
            .cache((value) -> Duration.ofMillis(Long.MAX_VALUE), (ex) -> Duration.ZERO, () -> Duration.ZERO);
        self.set(opening);
        return opening;
    }

    private void closed(Mono<Sinks.Many<String>> which) {
        link.compareAndSet(which, null);
        JanusUnavailableException lost = new JanusUnavailableException(name,
                new IllegalStateException("the WebSocket to Janus closed"));
        pending.values().forEach((request) -> request.sink().tryEmitError(lost));
        listeners.values().forEach(JanusEvents::onLost);
        listeners.clear();
    }

    private void received(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        }
        catch (JacksonException ex) {
            log.warn("Janus {} sent a frame that is not JSON", name);
            return;
        }
        String type = frame.path("janus").asString("");
        Pending request = pending.get(frame.path("transaction").asString(""));
        if (request != null && !("ack".equals(type) && request.untilEvent())) {
            request.sink().tryEmitValue(frame);
            return;
        }
        JanusEvents events = listeners.get(frame.path("sender").asLong(0));
        if (events != null && !"ack".equals(type)) {
            events.onEvent(frame);
        }
        if ("detached".equals(type)) {
            listeners.remove(frame.path("sender").asLong(0));
        }
    }

    private record Pending(Sinks.One<JsonNode> sink, boolean untilEvent) {
    }

    private final class Handler implements WebSocketHandler {

        private final Sinks.Many<String> out;

        private final Sinks.One<Sinks.Many<String>> opened;

        Handler(Sinks.Many<String> out, Sinks.One<Sinks.Many<String>> opened) {
            this.out = out;
            this.opened = opened;
        }

        @Override
        public List<String> getSubProtocols() {
            return List.of("janus-protocol");
        }

        @Override
        public Mono<Void> handle(WebSocketSession session) {
            opened.tryEmitValue(out);
            Mono<Void> receiving = session.receive()
                .map(WebSocketMessage::getPayloadAsText)
                .doOnNext(JanusSocket.this::received)
                .doFinally((signal) -> out.tryEmitComplete())
                .then();
            return Mono.when(receiving, session.send(out.asFlux().map(session::textMessage)));
        }

    }

}
