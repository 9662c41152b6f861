package io.parley.faults;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.parley.faults.Meetings.Participant;
import tools.jackson.databind.JsonNode;

/**
 * Pairs of peers chatting, each pair in a meeting of its own with one peer on each
 * signaling instance, so every message crosses instances through Redis pub/sub. At the
 * end every message a sender had accepted is looked for at its peer (live, or replayed in
 * a {@code welcome} after a reconnect) and in the meeting's history as a newcomer reads
 * it.
 */
final class ChatLoad implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(250);

    private final List<ChatPeer[]> pairs = new ArrayList<>();

    private final List<String> instanceUrls;

    private final Meetings meetings;

    private final List<String> meetingIds = new ArrayList<>();

    ChatLoad(Meetings meetings, List<String> instanceUrls, List<Participant[]> participants) {
        this.meetings = meetings;
        this.instanceUrls = instanceUrls;
        for (Participant[] pair : participants) {
            meetingIds.add(pair[0].meetingId());
            pairs.add(new ChatPeer[] { new ChatPeer(pair[0], instanceUrls),
                    new ChatPeer(pair[1], List.of(instanceUrls.get(1), instanceUrls.get(0))) });
        }
    }

    void start() {
        pairs.forEach(pair -> {
            pair[0].start(INTERVAL);
            pair[1].start(INTERVAL);
        });
    }

    void stopSending() {
        peers().forEach(ChatPeer::stopSending);
    }

    List<ChatPeer> peers() {
        return pairs.stream().flatMap(pair -> List.of(pair[0], pair[1]).stream()).toList();
    }

    boolean allConnected() {
        return peers().stream().allMatch(ChatPeer::isConnected);
    }

    /** Stops sending, then counts: call once the last messages had time to arrive. */
    Outcome count() {
        int accepted = 0;
        int lost = 0;
        int missedLive = 0;
        int duplicated = 0;
        Map<String, Set<String>> idsByText = new HashMap<>();
        for (int index = 0; index < pairs.size(); index++) {
            ChatPeer[] pair = pairs.get(index);
            Set<String> history = historyOf(meetingIds.get(index));
            for (int side = 0; side < 2; side++) {
                ChatPeer sender = pair[side];
                ChatPeer receiver = pair[1 - side];
                for (Map.Entry<String, String> message : sender.accepted.entrySet()) {
                    accepted++;
                    if (!receiver.seen.containsKey(message.getKey())) {
                        if (history.contains(message.getKey())) {
                            missedLive++;
                            System.out.println("missed live: " + message.getValue() + " (" + message.getKey() + ") by "
                                    + receiver.participantId() + ", closes " + receiver.closeCodes);
                        }
                        else {
                            lost++;
                        }
                    }
                }
                sender.seen.forEach((id, text) -> idsByText.computeIfAbsent(text, key -> new HashSet<>()).add(id));
                duplicated += sender.liveDuplicates.get();
            }
        }
        duplicated += (int) idsByText.values().stream().filter(ids -> ids.size() > 1).count();
        List<Long> reconnects = peers().stream().flatMap(peer -> peer.reconnectMillis.stream()).toList();
        return new Outcome(accepted, lost, missedLive, duplicated, reconnects);
    }

    /**
     * The ids in the meeting's history, as a participant who joins now gets them in
     * {@code welcome}.
     */
    private Set<String> historyOf(String meetingId) {
        Participant auditor = meetings.join(meetingId, "Auditor");
        for (String instance : instanceUrls) {
            try {
                return historyAt(instance, auditor);
            }
            catch (RuntimeException ex) {
                // that instance is down (drained or killed): ask the other
            }
        }
        throw new IllegalStateException("no signaling instance answered the auditor of " + meetingId);
    }

    private static Set<String> historyAt(String instance, Participant auditor) {
        CompletableFuture<JsonNode> welcome = new CompletableFuture<>();
        WebSocket socket = Http.CLIENT.newWebSocketBuilder()
            .buildAsync(URI.create(instance.replace("http", "ws") + "/ws/signaling?access_token=" + auditor.token()),
                    new WelcomeListener(welcome))
            .orTimeout(10, TimeUnit.SECONDS)
            .join();
        try {
            Set<String> ids = new HashSet<>();
            welcome.orTimeout(10, TimeUnit.SECONDS)
                .join()
                .path("chatHistory")
                .forEach(chat -> ids.add(chat.path("id").asString()));
            return ids;
        }
        finally {
            socket.abort();
        }
    }

    @Override
    public void close() {
        peers().forEach(ChatPeer::close);
    }

    /** Completes with the first {@code welcome}. */
    private static final class WelcomeListener implements WebSocket.Listener {

        private final CompletableFuture<JsonNode> welcome;

        private final StringBuilder partial = new StringBuilder();

        WelcomeListener(CompletableFuture<JsonNode> welcome) {
            this.welcome = welcome;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = Http.JSON.readTree(partial.toString());
                partial.setLength(0);
                if ("welcome".equals(message.path("type").asString())) {
                    welcome.complete(message);
                }
            }
            webSocket.request(1);
            return null;
        }

    }

    /** What the pairs' messages came to. */
    record Outcome(int accepted, int lost, int missedLive, int duplicated, List<Long> reconnectMillis) {
    }

}
