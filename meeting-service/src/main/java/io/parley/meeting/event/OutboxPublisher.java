package io.parley.meeting.event;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import io.lettuce.core.ScriptOutputType;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.MeetingProperties;
import io.parley.meeting.meeting.MeetingStore;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves events from a meeting's Redis outbox to Kafka, in order, at least once. The
 * scripts that change a meeting append its events to the outbox atomically; this class
 * publishes them and trims the outbox only after Kafka acknowledged them, so a Kafka
 * outage or a killed instance delays events but never loses them.
 * <p>
 * One publisher per meeting at a time (a Redis lock taken together with the first read),
 * so events of a meeting reach Kafka in the order they were stored. The publisher keeps
 * going until the outbox is empty and releases the lock in the same script that finds it
 * empty, so an event appended at any moment is either taken by the current publisher or
 * finds the outbox free for its own request. The event id is
 * {@code <meetingId>-<sequence>}: a retry republishes the same id, and consumers
 * de-duplicate by it. A global sorted set lists meetings that may have unpublished
 * events; a meeting enters it before each change and after each failed publish, so the
 * background {@link OutboxDrainer} finds what requests could not publish, also after an
 * instance was killed between a change and its publish.
 */
@Component
public class OutboxPublisher {

    static final String PENDING = "meetings:outbox-pending";

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private static final int BATCH = 100;

    /**
     * Longer than the producer's delivery timeout, so the lock outlives a slow publish.
     */
    private static final Duration LOCK_TTL = Duration.ofSeconds(30);

    /**
     * ZADD NX: a meeting keeps the time it first had pending events, so the drainer sees
     * how long it waited.
     */
    private static final LuaScript MARK_PENDING = LuaScript.assembled("mark-pending",
            "return redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2])", ScriptOutputType.INTEGER);

    private static final LuaScript CLAIM = LuaScript.list("outbox-claim.lua");

    private static final LuaScript ACK = LuaScript.list("outbox-ack.lua");

    private static final LuaScript UNLOCK = LuaScript.integer("unlock.lua");

    private final ReactiveStringRedisTemplate redis;

    private final RedisScripts scripts;

    private final KafkaTemplate<String, CloudEvent> kafka;

    private final EventCodec codec;

    private final JsonMapper json;

    private final MeetingMetrics metrics;

    private final Duration publishTimeout;

    private final Clock clock;

    public OutboxPublisher(ReactiveStringRedisTemplate redis, RedisScripts scripts,
            KafkaTemplate<String, CloudEvent> kafka, EventCodec codec, JsonMapper json, MeetingMetrics metrics,
            MeetingProperties properties, Clock clock) {
        this.redis = redis;
        this.scripts = scripts;
        this.kafka = kafka;
        this.codec = codec;
        this.json = json;
        this.metrics = metrics;
        this.publishTimeout = properties.events().publishTimeout();
        this.clock = clock;
    }

    /** Before a change: note that the meeting may soon have events to publish. */
    public Mono<Void> markPending(String meetingId) {
        return scripts.integer(MARK_PENDING, List.of(PENDING), String.valueOf(clock.millis()), meetingId).then();
    }

    /**
     * After a change: publish the meeting's outbox, waiting at most the publish timeout.
     * The request only stops waiting; the publish itself runs to its end, so it never
     * leaves its lock or a half-sent batch behind. A failure is logged and counted but
     * not the caller's problem: the change is stored and its events stay in the outbox
     * for the drainer.
     */
    public Mono<Void> publishAfterChange(String meetingId) {
        Sinks.Empty<Void> done = Sinks.empty();
        drain(meetingId).subscribe(published -> {
        }, error -> {
            metrics.eventsFailed();
            log.warn("Events of meeting {} not yet on Kafka, left in the outbox for retry: {}", meetingId,
                    error.toString());
            done.tryEmitEmpty();
        }, done::tryEmitEmpty);
        // completion may come on a Kafka producer thread; what the request does next
        // (signing a token) must not
        return done.asMono()
            .timeout(publishTimeout, Mono.fromRunnable(
                    () -> log.debug("Events of meeting {} still being published after {}", meetingId, publishTimeout)))
            .publishOn(Schedulers.parallel());
    }

    /**
     * Meetings whose outbox has been pending since before {@code cutoffMillis}, oldest
     * first.
     */
    Flux<String> pendingSince(long cutoffMillis, int limit) {
        return redis.opsForZSet()
            .rangeByScore(PENDING, Range.closed(0d, (double) cutoffMillis), Limit.limit().count(limit));
    }

    Mono<Long> pendingCount() {
        return redis.opsForZSet().size(PENDING);
    }

    /**
     * Publishes everything in the meeting's outbox; answers how many events went out (0
     * when another publisher holds the outbox: it keeps going until the outbox is empty,
     * so it also takes what was appended meanwhile). On failure the meeting is marked
     * pending again, so the drainer retries it.
     */
    public Mono<Integer> drain(String meetingId) {
        String holder = UUID.randomUUID().toString();
        List<String> keys = List.of(MeetingStore.outboxLockKey(meetingId), MeetingStore.outboxKey(meetingId));
        return scripts.list(CLAIM, keys, holder, String.valueOf(LOCK_TTL.toMillis()), String.valueOf(BATCH))
            .flatMap(reply -> status(reply) == 0 ? Mono.just(0)
                    // the lock is released by the last acknowledgement; only a failure or
                    // a cancel leaves it held
                    : Mono.usingWhen(Mono.just(holder), h -> publish(meetingId, keys, h, events(reply)),
                            h -> Mono.empty(), (h, error) -> unlock(keys, h), h -> unlock(keys, h)))
            .onErrorResume(
                    error -> markPending(meetingId).onErrorResume(ignored -> Mono.empty()).then(Mono.error(error)));
    }

    private Mono<Integer> publish(String meetingId, List<String> keys, String holder, List<String> batch) {
        if (batch.isEmpty()) {
            return acknowledge(meetingId, keys, holder, 0, "").then(Mono.just(0));
        }
        return send(meetingId, batch).flatMap(acknowledged -> {
            if (acknowledged < batch.size()) {
                return acknowledge(meetingId, keys, holder, acknowledged, batch.get(0))
                    .then(Mono.error(new IllegalStateException(
                            "Kafka acknowledged " + acknowledged + " of " + batch.size() + " events")));
            }
            return acknowledge(meetingId, keys, holder, acknowledged, batch.get(0))
                .flatMap(next -> next.isEmpty() ? Mono.just(acknowledged)
                        : publish(meetingId, keys, holder, next).map(more -> acknowledged + more));
        });
    }

    /**
     * Trims what Kafka acknowledged; answers the next batch, empty once drained (lock
     * released) or lost.
     */
    private Mono<List<String>> acknowledge(String meetingId, List<String> keys, String holder, int acknowledged,
            String first) {
        return scripts
            .list(ACK, keys, holder, String.valueOf(acknowledged), first, String.valueOf(BATCH),
                    String.valueOf(LOCK_TTL.toMillis()))
            .flatMap(reply -> switch (status(reply)) {
                case 1 -> Mono.just(events(reply));
                case 2 -> drained(meetingId).thenReturn(List.<String>of());
                default -> {
                    log.warn("Lost the outbox of meeting {} while publishing; another publisher continues", meetingId);
                    yield Mono.just(List.<String>of());
                }
            });
    }

    /**
     * Takes the meeting off the pending index; an event appended since the outbox was
     * found empty (its request then publishes it) puts it back, so a failure of that
     * request still leaves a trace for the drainer.
     */
    private Mono<Void> drained(String meetingId) {
        return redis.opsForZSet()
            .remove(PENDING, meetingId)
            .then(redis.opsForList().size(MeetingStore.outboxKey(meetingId)))
            .flatMap(left -> left > 0 ? markPending(meetingId) : Mono.empty());
    }

    private Mono<Void> unlock(List<String> keys, String holder) {
        return scripts.integer(UNLOCK, keys.subList(0, 1), holder).then();
    }

    private static int status(List<Object> reply) {
        return ((Number) reply.get(0)).intValue();
    }

    private static List<String> events(List<Object> reply) {
        return reply.subList(1, reply.size()).stream().map(String::valueOf).toList();
    }

    /**
     * Hands the batch to the producer in order (it keeps that order per partition) and
     * answers how many events, from the start, Kafka acknowledged. {@code send} may block
     * for the producer's max.block.ms while the broker is unreachable, so it runs off the
     * event loop.
     */
    private Mono<Integer> send(String meetingId, List<String> batch) {
        return Mono.fromCallable(() -> {
            List<Mono<String>> acknowledgements = new ArrayList<>();
            for (String entry : batch) {
                acknowledgements.add(sendOne(meetingId, entry));
            }
            return acknowledgements;
        })
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(acknowledgements -> Flux.fromIterable(acknowledgements)
                .concatMap(ack -> ack.map(type -> true).onErrorResume(error -> {
                    log.debug("Publishing an event of meeting {} failed", meetingId, error);
                    return Mono.just(false);
                }))
                .takeWhile(ok -> ok)
                .count()
                .map(Long::intValue)
                .publishOn(Schedulers.parallel()));
    }

    private Mono<String> sendOne(String meetingId, String entry) {
        JsonNode stored;
        EventType type;
        try {
            stored = json.readTree(entry);
            type = EventType.fromCeType(stored.get("type").asString()).orElseThrow();
        }
        catch (RuntimeException ex) {
            // only our own scripts write the outbox; an unreadable entry is a bug and
            // must not block the meeting
            log.error("Dropping an unreadable outbox entry of meeting {}: {}", meetingId, entry, ex);
            return Mono.just("unreadable");
        }
        long sequence = stored.get("seq").asLong();
        ObjectNode data = (ObjectNode) stored.get("data");
        data.put("sequence", sequence);
        CloudEvent event = codec.encode(type, meetingId + "-" + sequence, meetingId, data);
        CompletableFuture<SendResult<String, CloudEvent>> future = kafka.send(type.topic().topicName(), meetingId,
                event);
        return Mono.fromFuture(future).map(result -> {
            metrics.eventPublished(type.ceType());
            return type.ceType();
        });
    }

}
