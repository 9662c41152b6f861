package io.parley.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.parley.faults.Http.Reply;
import io.parley.faults.People.Account;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

/**
 * Direct messages between two contacts: one person sends a message every
 * {@link #INTERVAL}, each with a client message id of its own, retried with the same id
 * after any answer that is not definite (none, 5xx) as the API asks; the other has two
 * devices on the user socket, one starting on each signaling instance. At the end every
 * message the sender got a 2xx for must be in the conversation's history exactly once,
 * under the id the answer gave, and it is looked for at each device (live, or read after
 * a reconnect's catch-up).
 */
final class DirectMessageLoad implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(250);

    private static final Duration LIVE_WAIT = Duration.ofSeconds(10);

    private final Account sender;

    private final Account recipient;

    private final String contactId;

    private final String peopleUrl;

    private final Responses responses;

    private final List<UserDevice> devices;

    /** Message id of each accepted message, by its client message id. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();

    /** When each accepted message was answered ({@link System#nanoTime()}). */
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

    /** Valid messages answered with a 4xx, which no outage excuses. */
    final List<String> refused = new CopyOnWriteArrayList<>();

    private final String prefix = "fault-" + System.nanoTime() + "-";

    private final Thread thread;

    private volatile boolean running = true;

    DirectMessageLoad(String peopleUrl, List<String> instanceUrls, Responses responses) {
        long started = System.nanoTime();
        People people = new People(peopleUrl);
        this.sender = people.signUp("Ada");
        this.recipient = people.signUp("Grace");
        this.contactId = people.makeContacts(sender, recipient);
        this.peopleUrl = peopleUrl;
        this.responses = responses;
        this.devices = List.of(new UserDevice(recipient.token(), contactId, instanceUrls, peopleUrl, responses),
                new UserDevice(recipient.token(), contactId, List.of(instanceUrls.get(1), instanceUrls.get(0)),
                        peopleUrl, responses));
        this.thread = new Thread(this::run, "direct-messages");
        this.thread.setDaemon(true);
        System.out.println(
                "direct messages: accounts and contact made in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** Connects the devices; {@link #startSending()} once they are connected. */
    void connect() {
        devices.forEach(UserDevice::start);
    }

    void startSending() {
        thread.start();
    }

    boolean allConnected() {
        return devices.stream().allMatch(UserDevice::isConnected);
    }

    private void run() {
        int next = 0;
        while (running) {
            send(prefix + next++);
            Pause.of(INTERVAL);
        }
    }

    private void send(String clientMessageId) {
        String body = "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"" + clientMessageId + "\"}";
        while (true) {
            Reply reply = Http.send("POST", peopleUrl + "/api/contacts/" + contactId + "/messages", sender.token(),
                    body);
            responses.record("people-service", reply);
            if (reply.status() == 200 || reply.status() == 201) {
                acceptedAt.put(clientMessageId, System.nanoTime());
                accepted.put(clientMessageId, reply.json().path("messageId").asString());
                return;
            }
            if (reply.status() >= 400 && reply.status() < 500) {
                refused.add(reply.status() + " " + reply.body());
                return;
            }
            Pause.of(Duration.ofMillis(200));
        }
    }

    /** Stops after the message in flight (retried until it has a definite answer). */
    void stopSending() {
        running = false;
        try {
            thread.join(60_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits a little for live delivery (Kafka may be catching up), then counts against
     * the history as the recipient reads it.
     */
    Outcome count() {
        long started = System.nanoTime();
        try {
            Awaitility.await()
                .atMost(LIVE_WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> devices.stream().allMatch(device -> device.seen.keySet().containsAll(accepted.keySet())));
        }
        catch (ConditionTimeoutException ex) {
            // counted below as missed live
        }
        Map<String, Integer> storedTimes = new HashMap<>();
        Map<String, Set<String>> idsByClientId = new HashMap<>();
        for (JsonNode message : history()) {
            String messageId = message.path("messageId").asString();
            storedTimes.merge(messageId, 1, Integer::sum);
            idsByClientId.computeIfAbsent(message.path("clientMessageId").asString(), key -> new HashSet<>())
                .add(messageId);
        }
        int lost = 0;
        int missedLive = 0;
        for (Map.Entry<String, String> message : accepted.entrySet()) {
            if (!storedTimes.containsKey(message.getValue())) {
                lost++;
                System.out.println("direct message lost: " + message.getKey() + " (" + message.getValue()
                        + "), stored under " + idsByClientId.get(message.getKey()));
            }
            else if (devices.stream().anyMatch(device -> !device.seen.containsKey(message.getKey()))) {
                missedLive++;
            }
        }
        int duplicated = (int) (storedTimes.values().stream().filter(times -> times > 1).count()
                + idsByClientId.values().stream().filter(ids -> ids.size() > 1).count());
        long slowest = 0;
        for (UserDevice device : devices) {
            long missing = accepted.keySet().stream().filter(id -> !device.seen.containsKey(id)).count();
            System.out.println("direct messages device: closes " + device.closeCodes + ", missing " + missing);
            for (Map.Entry<String, Long> seen : device.seenAt.entrySet()) {
                Long answered = acceptedAt.get(seen.getKey());
                if (answered != null) {
                    slowest = Math.max(slowest, (seen.getValue() - answered) / 1_000_000);
                }
            }
        }
        System.out.println("direct messages: counted in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        List<Long> reconnects = devices.stream().flatMap(device -> device.reconnectMillis.stream()).toList();
        return new Outcome(accepted.size(), lost, duplicated, missedLive, slowest, List.copyOf(refused), reconnects);
    }

    /** Every message of the conversation, page by page, newest first. */
    private List<JsonNode> history() {
        List<JsonNode> messages = new ArrayList<>();
        String before = null;
        do {
            Reply page = Http.send("GET", peopleUrl + "/api/contacts/" + contactId + "/messages?limit=100"
                    + ((before != null) ? "&before=" + before : ""), recipient.token(), null);
            responses.record("people-service", page);
            if (page.status() != 200) {
                throw new IllegalStateException("people-service answered " + page.status() + ": " + page.body());
            }
            JsonNode body = page.json();
            body.path("messages").forEach(messages::add);
            JsonNode next = body.path("next");
            before = (next.isNull() || next.isMissingNode()) ? null : next.asString();
        }
        while (before != null);
        return messages;
    }

    @Override
    public void close() {
        running = false;
        devices.forEach(UserDevice::close);
    }

    /**
     * What the direct messages came to: accepted (2xx), lost (accepted and not in the
     * history under the id the answer gave), duplicated (a message id twice in the
     * history, or one client message id stored as two messages), missed live (in the
     * history, but a device that was connected or caught up did not get it), and the the
     * longest a device waited for a message after its send was answered, the valid
     * messages refused with a 4xx, and the devices' reconnect times.
     */
    record Outcome(int accepted, int lost, int duplicated, int missedLive, long slowestDeliveryMillis,
            List<String> refused, List<Long> reconnectMillis) {
    }

}
