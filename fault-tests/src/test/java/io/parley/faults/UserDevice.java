package io.parley.faults;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * One device of a signed-in person as the web client runs it: a user socket
 * ({@code /ws/user}) to its signaling instance, a reconnect after a short back-off on any
 * close (its own instance first, then the other), and after each {@code catch-up} whose
 * last message of the contact is newer than the last it has, a read of the history down
 * to it (docs/signaling.md). It records every direct message it got, live or so read, and
 * how long each reconnect took.
 */
final class UserDevice implements AutoCloseable {

    private static final Duration BACK_OFF = Duration.ofMillis(200);

    private final String token;

    private final String contactId;

    private final List<String> instanceUrls;

    private final String peopleUrl;

    private final Responses responses;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();

    /** Every message it has, client message id to message id. */
    final Map<String, String> seen = new ConcurrentHashMap<>();

    /**
     * When it first had each message ({@link System#nanoTime()}), by client message id.
     */
    final Map<String, Long> seenAt = new ConcurrentHashMap<>();

    final List<Long> reconnectMillis = new CopyOnWriteArrayList<>();

    final List<Integer> closeCodes = new CopyOnWriteArrayList<>();

    private volatile WebSocket socket;

    private volatile boolean connected;

    private volatile boolean closing;

    private long disconnectedAt;

    private long lastSeq;

    private int generation;

    private int attempt;

    UserDevice(String token, String contactId, List<String> instanceUrls, String peopleUrl, Responses responses) {
        this.token = token;
        this.contactId = contactId;
        this.instanceUrls = instanceUrls;
        this.peopleUrl = peopleUrl;
        this.responses = responses;
    }

    void start() {
        worker.execute(this::connect);
    }

    boolean isConnected() {
        return connected;
    }

    private void connect() {
        if (closing) {
            return;
        }
        String base = instanceUrls.get(attempt++ % instanceUrls.size());
        int mine = ++generation;
        try {
            socket = Http.CLIENT.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .buildAsync(URI.create(base.replace("http", "ws") + "/ws/user?access_token=" + token),
                        new Listener(mine))
                .get(3, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            onClosed(mine, 1006);
        }
    }

    private void onMessage(JsonNode message) {
        switch (message.path("type").asString()) {
            case "catch-up" -> {
                message.path("contacts").forEach(this::catchUp);
                if (disconnectedAt != 0) {
                    reconnectMillis.add((System.nanoTime() - disconnectedAt) / 1_000_000);
                    disconnectedAt = 0;
                }
                attempt = 0;
                connected = true;
            }
            case "message" -> record(message.path("message"));
            default -> {
            }
        }
    }

    private void catchUp(JsonNode contact) {
        if (!contactId.equals(contact.path("contactId").asString())
                || contact.path("lastMessage").path("seq").asLong(0) <= lastSeq) {
            return;
        }
        long after = lastSeq;
        String before = null;
        do {
            Http.Reply page = Http.send("GET", peopleUrl + "/api/contacts/" + contactId + "/messages?limit=100"
                    + ((before != null) ? "&before=" + before : ""), token, null);
            responses.record("people-service", page);
            if (page.status() != 200) {
                // what it could not read shows as missed in the final audit
                return;
            }
            JsonNode body = page.json();
            boolean older = false;
            for (JsonNode message : body.path("messages")) {
                if (message.path("seq").asLong() > after) {
                    record(message);
                }
                else {
                    older = true;
                }
            }
            JsonNode next = body.path("next");
            before = (older || next.isNull() || next.isMissingNode()) ? null : next.asString();
        }
        while (before != null);
    }

    private void record(JsonNode message) {
        String clientMessageId = message.path("clientMessageId").asString();
        seen.put(clientMessageId, message.path("messageId").asString());
        seenAt.putIfAbsent(clientMessageId, System.nanoTime());
        lastSeq = Math.max(lastSeq, message.path("seq").asLong());
    }

    private void onClosed(int closed, int code) {
        if (closed != generation || closing) {
            return;
        }
        connected = false;
        closeCodes.add(code);
        if (disconnectedAt == 0) {
            disconnectedAt = System.nanoTime();
        }
        generation++;
        worker.schedule(this::connect, BACK_OFF.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onWorker(Runnable task) {
        try {
            worker.execute(task);
        }
        catch (RejectedExecutionException ex) {
            // closed meanwhile: the end of the run, nothing to record
        }
    }

    @Override
    public void close() {
        closing = true;
        connected = false;
        worker.shutdownNow();
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final int generation;

        private final StringBuilder partial = new StringBuilder();

        Listener(int generation) {
            this.generation = generation;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = Http.JSON.readTree(partial.toString());
                partial.setLength(0);
                onWorker(() -> onMessage(message));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            onWorker(() -> onClosed(generation, statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            onWorker(() -> onClosed(generation, 1006));
        }

    }

}
