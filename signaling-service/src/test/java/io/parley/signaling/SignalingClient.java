package io.parley.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (the JDK's) that records every message and the close code. */
final class SignalingClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private final WebSocket socket;

    private SignalingClient(String url) {
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
            .buildAsync(URI.create(url), listener)
            .orTimeout(15, TimeUnit.SECONDS)
            .join();
    }

    static SignalingClient connect(int port, String token) {
        String query = token == null ? "" : "?access_token=" + token;
        return new SignalingClient("ws://127.0.0.1:" + port + "/ws/signaling" + query);
    }

    void send(String json) {
        socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    JsonNode await(String type) {
        return await(type, message -> true);
    }

    JsonNode await(String type, Predicate<JsonNode> matching) {
        Predicate<JsonNode> wanted = message -> type.equals(message.path("type").asString()) && matching.test(message);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(wanted));
        return received.stream().filter(wanted).findFirst().orElseThrow();
    }

    List<JsonNode> all(String type) {
        return received.stream().filter(message -> type.equals(message.path("type").asString())).toList();
    }

    JsonNode welcome() {
        return await("welcome");
    }

    String participantId() {
        return welcome().path("participantId").asString();
    }

    int awaitClose() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    boolean isOpen() {
        return !closed.isDone();
    }

    void assertNothingOf(String type) {
        assertThat(all(type)).isEmpty();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            socket.abort();
        }
    }

}
