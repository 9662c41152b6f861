package io.parley.bench.messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Direct messages at a fixed concurrency, closed loop: each of {@code concurrency} workers sends a message
 * ({@code POST /api/contacts/{id}/messages}), waits for the 201 and sends the next, cycling over its own share of the
 * conversations so that no two workers write to one conversation at once. Every message is tracked by its
 * {@code clientMessageId} until the recipient's device (on the other signaling instance) and the sender's own device
 * have received it; after the window the load waits for the stragglers, then counts what never came.
 */
final class MessageLoad {

    /** Long enough for any message stuck behind others; a message later than this counts as lost. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    /** The drain also ends when nothing at all arrived for this long. */
    private static final Duration DRAIN_QUIET = Duration.ofSeconds(15);
    private static final String TEXT = "A benchmark message of about the length people type in a chat, 80 characters.";

    private final PeopleClient people;
    private final List<Conversation> conversations = new ArrayList<>();
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final AtomicLong unknown = new AtomicLong();
    private final AtomicLong lastArrival = new AtomicLong(System.nanoTime());

    MessageLoad(PeopleClient people) {
        this.people = people;
    }

    /** Before the first run only. */
    void add(Conversation conversation) {
        conversations.add(conversation);
    }

    /** The listener of every device of the load: the recipients' and the senders' own. */
    void received(boolean recipient, long nanos, JsonNode event) {
        if (!event.path("type").asString().equals("message")) {
            return;
        }
        lastArrival.set(nanos);
        JsonNode message = event.path("message");
        Tracked sent = tracked.get(message.path("clientMessageId").asString());
        if (sent == null) {
            unknown.incrementAndGet();
            return;
        }
        sent.received(recipient, nanos, message.path("messageId").asString());
    }

    /**
     * What one run came to. Rates count over the window: 201 answers, and first copies at the recipients' devices.
     *
     * @param statuses answers other than 201 by status (0: no answer)
     */
    record Result(String phase, int concurrency, double seconds, long sent, long acknowledged, long answeredInWindow,
            long deliveredInWindow, Map<Integer, Long> statuses, Samples endToEnd, Samples http, Samples delivery,
            Samples echo, long lost, long lostEchoes, long duplicates, long secondMessages,
            long unacknowledgedDelivered,
            long unknown, double drainSeconds) {

        double answeredPerSecond() {
            return answeredInWindow / seconds;
        }

        double deliveredPerSecond() {
            return deliveredInWindow / seconds;
        }
    }

    Result run(String phase, int concurrency, Duration duration) throws InterruptedException {
        if (concurrency > conversations.size()) {
            throw new IllegalArgumentException("concurrency " + concurrency + " needs as many conversations, there are "
                    + conversations.size());
        }
        Queue<Tracked> mine = new ConcurrentLinkedQueue<>();
        AtomicLong counter = new AtomicLong();
        long unknownBefore = unknown.get();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Flux.range(0, concurrency)
            .flatMap(worker -> {
                int[] turn = { 0 };
                return Mono.defer(() -> sendOne(phase, next(worker, concurrency, turn[0]++),
                        counter.incrementAndGet(), mine))
                    .repeat(() -> System.nanoTime() < end);
            }, concurrency)
            .blockLast();
        long windowEnd = System.nanoTime();
        double drained = drain(mine, windowEnd);
        return result(phase, concurrency, start, Math.min(end, windowEnd), mine, unknown.get() - unknownBefore,
                drained);
    }

    /** Worker {@code w} of {@code c} cycles over conversations w, w + c, w + 2c, ...: none shares one with another. */
    private Conversation next(int worker, int concurrency, int turn) {
        int share = (conversations.size() - worker + concurrency - 1) / concurrency;
        return conversations.get(worker + concurrency * (turn % share));
    }

    private Mono<Void> sendOne(String phase, Conversation conversation, long n, Queue<Tracked> mine) {
        String clientMessageId = phase + "-" + n;
        Tracked sent = new Tracked(System.nanoTime());
        tracked.put(clientMessageId, sent);
        mine.add(sent);
        return people.send(conversation.sender().accessToken(), conversation.contactId(), clientMessageId, TEXT)
            .doOnNext(answer -> {
                sent.answeredNanos = System.nanoTime();
                if (answer.status() == 201) {
                    sent.messageId = answer.json().path("messageId").asString();
                }
                sent.status = answer.status();
            })
            .onErrorResume(error -> {
                sent.answeredNanos = System.nanoTime();
                sent.status = 0;
                return Mono.empty();
            })
            .then();
    }

    /** Waits until every acknowledged message reached both devices, nothing arrived for a while, or the limit. */
    private double drain(Queue<Tracked> mine, long windowEnd) throws InterruptedException {
        long limit = windowEnd + DRAIN_LIMIT.toNanos();
        while (System.nanoTime() < limit) {
            boolean complete = mine.stream().filter(Tracked::acknowledged)
                .allMatch(sent -> sent.recipientCopies.get() > 0 && sent.senderCopies.get() > 0);
            boolean quiet = System.nanoTime() - Math.max(lastArrival.get(), windowEnd) > DRAIN_QUIET.toNanos();
            if (complete || quiet) {
                break;
            }
            Thread.sleep(100);
        }
        // copies sent twice arrive right after the first: give them a moment to show up as duplicates
        Thread.sleep(1000);
        return (System.nanoTime() - windowEnd) / 1e9;
    }

    private Result result(String phase, int concurrency, long start, long end, Queue<Tracked> mine, long unknownHere,
            double drained) {
        Samples endToEnd = new Samples();
        Samples http = new Samples();
        Samples delivery = new Samples();
        Samples echo = new Samples();
        Map<Integer, Long> statuses = new TreeMap<>();
        long acknowledged = 0;
        long answeredInWindow = 0;
        long deliveredInWindow = 0;
        long lost = 0;
        long lostEchoes = 0;
        long duplicates = 0;
        long secondMessages = 0;
        long unacknowledgedDelivered = 0;
        for (Tracked sent : mine) {
            duplicates += Math.max(0, sent.recipientCopies.get() - 1) + Math.max(0, sent.senderCopies.get() - 1);
            secondMessages += sent.otherIds.get();
            boolean received = sent.recipientCopies.get() > 0;
            if (received && sent.receivedNanos >= start && sent.receivedNanos <= end) {
                deliveredInWindow++;
            }
            if (!sent.acknowledged()) {
                statuses.merge(sent.status, 1L, Long::sum);
                unacknowledgedDelivered += received ? 1 : 0;
                continue;
            }
            acknowledged++;
            answeredInWindow += sent.answeredNanos <= end ? 1 : 0;
            http.add(sent.answeredNanos - sent.sentNanos);
            if (!received) {
                lost++;
            }
            else {
                endToEnd.add(sent.receivedNanos - sent.sentNanos);
                delivery.add(Math.max(0, sent.receivedNanos - sent.answeredNanos));
                if (sent.receivedNanos != 0 && !sent.messageId.equals(sent.firstReceivedId)) {
                    secondMessages++;
                }
            }
            if (sent.senderCopies.get() == 0) {
                lostEchoes++;
            }
            else {
                echo.add(sent.echoedNanos - sent.sentNanos);
            }
        }
        return new Result(phase, concurrency, (end - start) / 1e9, mine.size(), acknowledged, answeredInWindow,
                deliveredInWindow, statuses, endToEnd, http, delivery, echo, lost, lostEchoes, duplicates,
                secondMessages, unacknowledgedDelivered, unknownHere, drained);
    }
}
