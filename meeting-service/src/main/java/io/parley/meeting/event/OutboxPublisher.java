package io.parley.meeting.event;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.cloudevents.CloudEvent;
import io.parley.events.EventCodec;
import io.parley.events.EventType;
import io.parley.meeting.LuaScripts;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.MeetingProperties;
import io.parley.meeting.meeting.MeetingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
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
 * Moves events from a meeting's Redis outbox to Kafka, in order, at least once. The scripts that change a meeting
 * append its events to the outbox atomically; this class publishes them and trims the outbox only after Kafka
 * acknowledged them, so a Kafka outage or a killed instance delays events but never loses them.
 * <p>
 * One drainer per meeting at a time (a short Redis lock), so events of a meeting reach Kafka in the order they were
 * stored. The event id is {@code <meetingId>-<sequence>}: a retry republishes the same id, and consumers
 * de-duplicate by it. A global sorted set lists meetings that may have unpublished events; a meeting enters it before
 * each change, so even an instance killed between the change and the publish leaves a trace for the background
 * {@link OutboxDrainer}.
 */
@Component
public class OutboxPublisher {

    static final String PENDING = "meetings:outbox-pending";
    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int BATCH = 100;
    /** Longer than the producer's delivery timeout, so the lock outlives a slow publish. */
    private static final Duration LOCK_TTL = Duration.ofSeconds(30);
    /** ZADD NX: a meeting keeps the time it first had pending events, so the drainer sees how long it waited. */
    private static final RedisScript<Long> MARK_PENDING = RedisScript
        .of("return redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2])", Long.class);
    private static final RedisScript<Long> TRIM = LuaScripts.returningLong("outbox-trim");
    private static final RedisScript<Long> UNLOCK = LuaScripts.returningLong("unlock");

    private final ReactiveStringRedisTemplate redis;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final EventCodec codec;
    private final JsonMapper json;
    private final MeetingMetrics metrics;
    private final Duration publishTimeout;
    private final Clock clock;

    public OutboxPublisher(ReactiveStringRedisTemplate redis, KafkaTemplate<String, CloudEvent> kafka, EventCodec codec,
            JsonMapper json, MeetingMetrics metrics, MeetingProperties properties, Clock clock) {
        this.redis = redis;
        this.kafka = kafka;
        this.codec = codec;
        this.json = json;
        this.metrics = metrics;
        this.publishTimeout = properties.events().publishTimeout();
        this.clock = clock;
    }

    /** Before a change: note that the meeting may soon have events to publish. */
    public Mono<Void> markPending(String meetingId) {
        return redis.execute(MARK_PENDING, List.of(PENDING), List.of(String.valueOf(clock.millis()), meetingId)).then();
    }

    /**
     * After a change: publish the meeting's outbox, waiting at most the publish timeout. The request only stops
     * waiting; the publish itself runs to its end, so it never leaves its lock or a half-sent batch behind. A failure
     * is logged and counted but not the caller's problem: the change is stored and its events stay in the outbox for
     * the drainer.
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
        // completion may come on a Kafka producer thread; what the request does next (signing a token) must not
        return done.asMono()
            .timeout(publishTimeout, Mono.fromRunnable(
                    () -> log.debug("Events of meeting {} still being published after {}", meetingId, publishTimeout)))
            .publishOn(Schedulers.parallel());
    }

    /** Meetings whose outbox has been pending since before {@code cutoffMillis}, oldest first. */
    Flux<String> pendingSince(long cutoffMillis, int limit) {
        return redis.opsForZSet()
            .rangeByScore(PENDING, Range.closed(0d, (double) cutoffMillis), Limit.limit().count(limit));
    }

    Mono<Long> pendingCount() {
        return redis.opsForZSet().size(PENDING);
    }

    /**
     * Publishes everything in the meeting's outbox; answers how many events went out (0 when another drainer holds
     * the meeting: it re-checks the outbox after releasing it, so nothing appended meanwhile is left behind).
     */
    public Mono<Integer> drain(String meetingId) {
        return drainRound(meetingId, 1);
    }

    private Mono<Integer> drainRound(String meetingId, int round) {
        String holder = UUID.randomUUID().toString();
        String lock = MeetingStore.outboxLockKey(meetingId);
        return redis.opsForValue().setIfAbsent(lock, holder, LOCK_TTL).flatMap(acquired -> {
            if (!acquired) {
                return Mono.just(0);
            }
            Mono<Integer> published = Mono.usingWhen(Mono.just(holder), h -> publishAll(meetingId),
                    h -> redis.execute(UNLOCK, List.of(lock), List.of(h)).then());
            // an event appended while we held the lock, by a request that then found the lock taken, is ours
            return published.flatMap(count -> round >= 3 ? Mono.just(count)
                    : redis.opsForList().size(MeetingStore.outboxKey(meetingId)).flatMap(left -> left > 0
                            ? drainRound(meetingId, round + 1).map(more -> count + more) : Mono.just(count)));
        });
    }

    private Mono<Integer> publishAll(String meetingId) {
        String outbox = MeetingStore.outboxKey(meetingId);
        return redis.opsForList().range(outbox, 0, BATCH - 1).collectList().flatMap(batch -> {
            if (batch.isEmpty()) {
                return redis.opsForZSet().remove(PENDING, meetingId).thenReturn(0);
            }
            return send(meetingId, batch).flatMap(acknowledged -> {
                Mono<Long> trim = redis.execute(TRIM, List.of(outbox),
                        List.of(String.valueOf(acknowledged), batch.get(0))).next();
                if (acknowledged < batch.size()) {
                    return trim.then(Mono.error(new IllegalStateException("Kafka acknowledged " + acknowledged
                            + " of " + batch.size() + " events")));
                }
                return trim.then(publishAll(meetingId)).map(more -> acknowledged + more);
            });
        });
    }

    /**
     * Hands the batch to the producer in order (it keeps that order per partition) and answers how many events, from
     * the start, Kafka acknowledged. {@code send} may block for the producer's max.block.ms while the broker is
     * unreachable, so it runs off the event loop.
     */
    private Mono<Integer> send(String meetingId, List<String> batch) {
        return Mono.fromCallable(() -> {
            List<Mono<String>> acknowledgements = new ArrayList<>();
            for (String entry : batch) {
                acknowledgements.add(sendOne(meetingId, entry));
            }
            return acknowledgements;
        }).subscribeOn(Schedulers.boundedElastic()).flatMap(acknowledgements -> Flux.fromIterable(acknowledgements)
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
            // only our own scripts write the outbox; an unreadable entry is a bug and must not block the meeting
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
