package io.parley.devstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;

/**
 * What a browser joining a new meeting through the gateway is told first: creates a
 * meeting as a guest, opens its host's signaling socket and returns the {@code welcome}
 * message, whose ICE servers show the TURN settings signaling was started with.
 */
final class SignalingWelcome {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private SignalingWelcome() {
    }

    static String read(HttpClient http, String gateway) throws Exception {
        HttpRequest create = HttpRequest.newBuilder(URI.create("http://" + gateway + "/api/meetings"))
            .header("Content-Type", "application/json")
            .timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString("{\"hostName\":\"Devstack smoke\"}"))
            .build();
        HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new AssertionError("POST /api/meetings answered " + created.statusCode() + ": " + created.body());
        }
        String token = JsonPath.read(created.body(), "$.host.token");
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(URI.create("ws://" + gateway + "/ws/signaling?access_token="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8)), new Collector(messages))
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        try {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                String message = messages.poll(1, TimeUnit.SECONDS);
                if (message != null && "welcome".equals(JsonPath.read(message, "$.type"))) {
                    return message;
                }
            }
            throw new AssertionError("no welcome within " + TIMEOUT + "; got " + messages);
        }
        finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(ex -> null);
        }
    }

    /** Whole text messages, in order; a close ends them with a note. */
    private static final class Collector implements WebSocket.Listener {

        private final BlockingQueue<String> messages;

        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<String> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            // the client calls a listener for one socket one call at a time
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            messages.add("{\"type\":\"closed\",\"code\":" + statusCode + "}");
            return null;
        }

    }

}
