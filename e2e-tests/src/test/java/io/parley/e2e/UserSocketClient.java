package io.parley.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One device's user socket ({@code /ws/user}) with the JDK's WebSocket client: records
 * every message and the close. A meeting socket ({@code /ws/signaling}) speaks JSON
 * frames too, so a test puts a person into a meeting with it.
 */
final class UserSocketClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private final WebSocket socket;

    private UserSocketClient(URI uri) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    received.add(JSON.readTree(partial.toString()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        };
        this.socket = HTTP.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(uri, listener)
            .orTimeout(15, TimeUnit.SECONDS)
            .join();
    }

    /** Through the public gateway, as a browser connects. */
    static UserSocketClient viaGateway(String accessToken) {
        return new UserSocketClient(URI.create("ws://localhost:8080/ws/user?access_token=" + accessToken));
    }

    /**
     * Straight to one signaling instance, to put devices of one person on different
     * instances.
     */
    static UserSocketClient at(Platform.SignalingInstance instance, String token) {
        return new UserSocketClient(URI.create(
                "ws://127.0.0.1:" + instance.port() + "/ws/user" + (token == null ? "" : "?access_token=" + token)));
    }

    /**
     * A meeting socket through the gateway, with a join token: the person is in the
     * meeting once {@code welcome} came.
     */
    static UserSocketClient meetingViaGateway(String joinToken) {
        return new UserSocketClient(URI.create("ws://localhost:8080/ws/signaling?access_token=" + joinToken));
    }

    /** A meeting socket straight to one signaling instance. */
    static UserSocketClient meetingAt(Platform.SignalingInstance instance, String joinToken) {
        return new UserSocketClient(
                URI.create("ws://127.0.0.1:" + instance.port() + "/ws/signaling?access_token=" + joinToken));
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    JsonNode await(String type) {
        return await(type, message -> true);
    }

    JsonNode await(String type, Predicate<JsonNode> matching) {
        Predicate<JsonNode> wanted = message -> type.equals(message.path("type").asString()) && matching.test(message);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(wanted));
        return received.stream().filter(wanted).findFirst().orElseThrow();
    }

    List<JsonNode> all(String type, Predicate<JsonNode> matching) {
        return received.stream()
            .filter(message -> type.equals(message.path("type").asString()) && matching.test(message))
            .toList();
    }

    int awaitClose() {
        return closed.orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            socket.abort();
        }
    }

}
