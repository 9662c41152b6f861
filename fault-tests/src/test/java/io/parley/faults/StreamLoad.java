package io.parley.faults;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.parley.faults.Http.Reply;
import io.parley.faults.Meetings.Participant;
import tools.jackson.databind.JsonNode;

/**
 * One user starting and ending streams against stream-limit-service as fast as answers
 * come, keeping up to the limit open: a start of a new stream, and once it holds the
 * limit, an end of its oldest. A start or end without a definite answer (503, timeout) is
 * retried with the same stream id, as the API asks. It records every decision and checks
 * that none admitted more than the limit.
 */
final class StreamLoad {

    /** stream-limit-service's default {@code parley.streams.limit}. */
    static final int LIMIT = 3;

    private final Participant user;

    private final String url;

    private final Responses responses;

    private final Deque<String> held = new ArrayDeque<>();

    final AtomicInteger admitted = new AtomicInteger();

    final AtomicInteger rejected = new AtomicInteger();

    /** Admissions whose {@code streamCount} was above the limit. */
    final AtomicInteger overAdmitted = new AtomicInteger();

    private final Thread thread;

    private volatile boolean running = true;

    private int next;

    StreamLoad(Participant user, String url, Responses responses) {
        this.user = user;
        this.url = url;
        this.responses = responses;
        this.thread = new Thread(this::run, "streams-" + user.participantId());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            if (held.size() >= LIMIT) {
                end(held.peekFirst());
            }
            else {
                begin(user.participantId() + ":s" + next++);
            }
            Pause.of(Duration.ofMillis(50));
        }
    }

    private void begin(String streamId) {
        while (true) {
            Reply reply = call("POST", "/api/streams",
                    "{\"streamId\":\"" + streamId + "\",\"meetingId\":\"" + user.meetingId() + "\"}");
            if (reply.status() == 201) {
                admitted.incrementAndGet();
                if (reply.json().path("streamCount").asInt() > LIMIT) {
                    overAdmitted.incrementAndGet();
                }
                held.addLast(streamId);
                return;
            }
            if (reply.status() == 409) {
                rejected.incrementAndGet();
                return;
            }
            Pause.of(Duration.ofMillis(200));
        }
    }

    private void end(String streamId) {
        while (true) {
            Reply reply = call("DELETE", "/api/streams/" + streamId, null);
            if (reply.status() == 200) {
                held.remove(streamId);
                return;
            }
            Pause.of(Duration.ofMillis(200));
        }
    }

    private Reply call(String method, String path, String body) {
        Reply reply = Http.send(method, url + path, user.token(), body);
        responses.record("stream-limit-service", reply);
        return reply;
    }

    /** Stops after the decision in flight (retried until it is one). */
    void stop() {
        running = false;
        try {
            thread.join(60_000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Compares what the user holds by its own count with what the service lists: held but
     * not listed is a lost admission, listed but not held is one that counts twice.
     */
    Ledger ledger() {
        Reply reply = call("GET", "/api/streams", null);
        if (reply.status() != 200) {
            throw new IllegalStateException("stream-limit-service answered " + reply.status() + ": " + reply.body());
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode stream : reply.json().path("streams")) {
            listed.add(stream.path("streamId").asString());
        }
        List<String> lost = new ArrayList<>(held);
        lost.removeAll(listed);
        List<String> extra = new ArrayList<>(listed);
        extra.removeAll(held);
        return new Ledger(lost, extra, listed.size());
    }

    /** Ends every stream still held, so the next scenario starts from none. */
    void endAll() {
        new ArrayList<>(held).forEach(this::end);
    }

    /** The user's streams as the service lists them, against the user's own count. */
    record Ledger(List<String> lost, List<String> extra, int listed) {
    }

}
