package io.parley.faults;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.parley.faults.Meetings.Participant;
import tools.jackson.databind.JsonNode;

/**
 * A meeting participant as the web client behaves: one socket to its signaling instance,
 * a chat message every {@code interval}, and on any close a reconnect with a short
 * back-off, trying its own instance first and then the other (as the gateway's load
 * balancer would). It records what it sent, which of its messages the server accepted
 * (its own {@code chat} came back with an id), every chat id it received live or in a
 * {@code welcome}'s history, and how long each reconnect took.
 */
final class ChatPeer implements AutoCloseable {

    private static final Duration BACK_OFF = Duration.ofMillis(200);

    private final Participant participant;

    private final List<String> instanceUrls;

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();

    /** Text of each of its own messages the server accepted, by the id it gave it. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();

    /** Every chat message seen (live or replayed), id to text. */
    final Map<String, String> seen = new ConcurrentHashMap<>();

    /** Ids that arrived live a second time on the same socket. */
    final AtomicInteger liveDuplicates = new AtomicInteger();

    private final Set<String> liveOnThisSocket = ConcurrentHashMap.newKeySet();

    final List<Long> reconnectMillis = new CopyOnWriteArrayList<>();

    final List<Integer> closeCodes = new CopyOnWriteArrayList<>();

    final AtomicInteger sent = new AtomicInteger();

    final AtomicInteger refused = new AtomicInteger();

    private volatile WebSocket socket;

    private volatile boolean connected;

    private volatile long disconnectedAt;

    private volatile boolean closing;

    private volatile boolean sending = true;

    private final AtomicInteger generation = new AtomicInteger();

    private int attempt;

    ChatPeer(Participant participant, List<String> instanceUrls) {
        this.participant = participant;
        this.instanceUrls = instanceUrls;
    }

    void start(Duration interval) {
        worker.execute(this::connect);
        worker.scheduleAtFixedRate(this::sendChat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The end of the run: no more messages, but what is in flight is still received. */
    void stopSending() {
        sending = false;
    }

    boolean isConnected() {
        return connected;
    }

    String participantId() {
        return participant.participantId();
    }

    private void connect() {
        if (closing) {
            return;
        }
        String base = instanceUrls.get(attempt++ % instanceUrls.size());
        int mine = generation.incrementAndGet();
        try {
            socket = Http.CLIENT.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .buildAsync(
                        URI.create(base.replace("http", "ws") + "/ws/signaling?access_token=" + participant.token()),
                        new Listener(mine))
                .get(3, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            retryLater(mine);
        }
    }

    private void retryLater(int failed) {
        if (generation.get() == failed && !closing) {
            connected = false;
            worker.schedule(this::connect, BACK_OFF.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void sendChat() {
        WebSocket current = socket;
        if (!sending || !connected || current == null) {
            return;
        }
        String text = participant.participantId() + "#" + sent.incrementAndGet();
        try {
            current.sendText("{\"type\":\"chat\",\"text\":\"" + text + "\"}", true).get(2, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            // the socket is failing; its listener reconnects
        }
    }

    private void onMessage(JsonNode message) {
        switch (message.path("type").asString()) {
            case "welcome" -> {
                message.path("chatHistory").forEach(chat -> record(chat, false));
                if (disconnectedAt != 0) {
                    reconnectMillis.add((System.nanoTime() - disconnectedAt) / 1_000_000);
                    disconnectedAt = 0;
                }
                attempt = 0;
                connected = true;
            }
            // sent again from the history after the instance's Redis subscription came
            // back
            case "chat" -> record(message, !message.path("replayed").asBoolean(false));
            case "error" -> refused.incrementAndGet();
            default -> {
            }
        }
    }

    private void record(JsonNode chat, boolean live) {
        String id = chat.path("id").asString();
        String text = chat.path("text").asString();
        seen.put(id, text);
        if (live && !liveOnThisSocket.add(id)) {
            liveDuplicates.incrementAndGet();
        }
        if (participant.participantId().equals(chat.path("from").asString())) {
            accepted.put(id, text);
        }
    }

    private void onClosed(int generationClosed, int code) {
        if (generation.get() != generationClosed || closing) {
            return;
        }
        closeCodes.add(code);
        if (disconnectedAt == 0) {
            disconnectedAt = System.nanoTime();
        }
        liveOnThisSocket.clear();
        retryLater(generationClosed);
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
