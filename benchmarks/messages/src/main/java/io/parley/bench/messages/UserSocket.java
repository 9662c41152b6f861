package io.parley.bench.messages;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;

/**
 * One device's user socket ({@code /ws/user?access_token=...}) on one signaling instance. Each text frame is
 * timestamped as it arrives, before it is parsed, and handed to the listener; {@code catch-up} completes
 * {@link #awaitCaughtUp}.
 */
final class UserSocket {

    /** What a device received, and when ({@link System#nanoTime()}). */
    interface Listener {
        void received(UserSocket socket, long nanos, JsonNode message);
    }

    /** Sockets are not pooled: an upgraded connection never goes back to a pool, and a pool would cap their number. */
    private static final HttpClient CLIENT = HttpClient.create(ConnectionProvider.newConnection());
    private static final WebsocketClientSpec SPEC = WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20)
        .build();

    private final String label;
    private final String uri;
    private final Listener listener;
    private volatile CompletableFuture<Void> caughtUp;
    private final AtomicReference<String> closedWith = new AtomicReference<>();
    private volatile boolean closing;
    private volatile Disposable connection;

    private UserSocket(String label, String uri, Listener listener) {
        this.label = label;
        this.uri = uri;
        this.listener = listener;
    }

    /** Opens the socket; {@link #awaitCaughtUp} tells when the server has admitted it and sent its catch-up. */
    static UserSocket open(Service signaling, String accessToken, String label, Listener listener) {
        UserSocket socket = new UserSocket(label,
                "ws://127.0.0.1:" + signaling.port() + "/ws/user?access_token=" + accessToken, listener);
        socket.connect();
        return socket;
    }

    private void connect() {
        CompletableFuture<Void> admitted = new CompletableFuture<>();
        caughtUp = admitted;
        closedWith.set(null);
        connection = CLIENT.websocket(SPEC).uri(uri)
            .handle((in, out) -> {
                in.receiveCloseStatus().subscribe(status -> noteEnd(admitted, status.toString()));
                return in.aggregateFrames(1 << 20).receiveFrames().doOnNext(frame -> {
                    if (frame instanceof TextWebSocketFrame text) {
                        long now = System.nanoTime();
                        JsonNode message = PeopleClient.JSON.readTree(text.text());
                        if (message.path("type").asString().equals("catch-up")) {
                            admitted.complete(null);
                        }
                        listener.received(this, now, message);
                    }
                }).then();
            })
            .subscribe(null, error -> ended(admitted, "failed: " + error),
                    () -> ended(admitted, "closed by the server"));
    }

    private void ended(CompletableFuture<Void> admitted, String how) {
        noteEnd(admitted, how);
        admitted.completeExceptionally(new IllegalStateException(label + " " + how));
    }

    /** The first word on how the current connection ended; a replaced connection's news is old. */
    private void noteEnd(CompletableFuture<Void> admitted, String how) {
        if (caughtUp == admitted) {
            closedWith.compareAndSet(null, how);
        }
    }

    String label() {
        return label;
    }

    /**
     * Waits for the catch-up. A socket the server closed before it (4503 or 1013 when signaling could not ask
     * people-service in time, as on a machine busy with others' builds) is opened again, as a client would, up to
     * {@code attempts} times in all.
     */
    void awaitCaughtUp(Duration timeout, int attempts) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                caughtUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            catch (ExecutionException closedBeforeCatchUp) {
                if (attempt >= attempts) {
                    throw closedBeforeCatchUp;
                }
                System.out.println("[bench] " + label + " ended before its catch-up (" + closedWith.get()
                        + "), opening it again");
                Thread.sleep(1000);
                connect();
            }
        }
    }

    /** Why the socket ended, if it did before the benchmark closed it. */
    String unexpectedEnd() {
        return closing ? null : closedWith.get();
    }

    void close() {
        closing = true;
        if (connection != null) {
            connection.dispose();
        }
    }
}
