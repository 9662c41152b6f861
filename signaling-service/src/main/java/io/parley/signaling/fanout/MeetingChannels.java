package io.parley.signaling.fanout;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One Redis pub/sub channel per meeting. An instance listens to a meeting's channel while it holds at least one
 * socket of that meeting, and delivers what arrives to its own sockets; every instance publishes there to reach
 * sockets held elsewhere.
 */
@Component
public class MeetingChannels {

    private static final Logger log = LoggerFactory.getLogger(MeetingChannels.class);

    private final ReactiveStringRedisTemplate redis;
    private final ObjectProvider<ReactiveRedisMessageListenerContainer> container;
    private final LocalSessions sessions;
    private final ServerMessages messages;
    private final SignalingMetrics metrics;
    private static final Duration RESUBSCRIBE_DELAY = Duration.ofSeconds(1);

    private final Map<String, Listening> subscriptions = new ConcurrentHashMap<>();

    public MeetingChannels(ReactiveStringRedisTemplate redis,
            ObjectProvider<ReactiveRedisMessageListenerContainer> container,
            LocalSessions sessions, ServerMessages messages, SignalingMetrics metrics) {
        this.redis = redis;
        this.container = container;
        this.sessions = sessions;
        this.messages = messages;
        this.metrics = metrics;
    }

    static String channel(String meetingId) {
        return "signal:{meeting:" + meetingId + "}";
    }

    /** Listens to the meeting's channel (once per instance); completes when Redis confirmed the subscription. */
    public Mono<Void> listen(String meetingId) {
        return subscriptions.computeIfAbsent(meetingId, this::subscribe).ready();
    }

    private Listening subscribe(String meetingId) {
        Disposable.Swap handle = Disposables.swap();
        // creating the container connects to Redis, which blocks: never on an event-loop thread
        Mono<Void> ready = Mono.fromSupplier(container::getObject)
            .subscribeOn(Schedulers.boundedElastic())
            .flatMap(listener -> listener.receiveLater(ChannelTopic.of(channel(meetingId))))
            .doOnNext(messages -> handle.update(messages.subscribe(message -> deliver(meetingId, message.getMessage()),
                    error -> resubscribe(meetingId, error))))
            .then()
            .cache();
        Listening listening = new Listening(ready, handle);
        ready.subscribe(null, error -> resubscribe(meetingId, error));
        return listening;
    }

    private void resubscribe(String meetingId, Throwable error) {
        log.warn("Lost the channel of meeting {}: {}", meetingId, error.toString());
        Listening failed = subscriptions.remove(meetingId);
        if (failed != null) {
            failed.handle().dispose();
        }
        if (!sessions.inMeeting(meetingId).isEmpty()) {
            Mono.delay(RESUBSCRIBE_DELAY).flatMap(tick -> listen(meetingId)).subscribe(null,
                    retryError -> resubscribe(meetingId, retryError));
        }
    }

    /** Stops listening once no local socket of the meeting is left. */
    public void stopListening(String meetingId) {
        Listening listening = subscriptions.remove(meetingId);
        if (listening != null) {
            listening.handle().dispose();
        }
    }

    private record Listening(Mono<Void> ready, Disposable.Swap handle) {
    }

    public Mono<Long> publish(String meetingId, Envelope envelope) {
        metrics.relayedThroughRedis();
        return redis.convertAndSend(channel(meetingId), messages.toJson(envelope));
    }

    void deliver(String meetingId, String raw) {
        metrics.fanoutReceived();
        Envelope envelope;
        try {
            envelope = messages.fromJson(raw, Envelope.class);
        }
        catch (RuntimeException ex) {
            log.warn("Dropping an unreadable message on the channel of meeting {}", meetingId);
            return;
        }
        if (envelope.to() != null) {
            Connection target = sessions.get(meetingId, envelope.to());
            if (target != null) {
                deliverTo(target, envelope);
            }
            return;
        }
        for (Connection connection : sessions.inMeeting(meetingId)) {
            if (!connection.participantId().equals(envelope.except())) {
                deliverTo(connection, envelope);
            }
        }
    }

    private static void deliverTo(Connection connection, Envelope envelope) {
        if (envelope.closeCode() == null) {
            connection.send(envelope.message());
            return;
        }
        CloseCode code = java.util.Arrays.stream(CloseCode.values())
            .filter(candidate -> candidate.code() == envelope.closeCode())
            .findFirst()
            .orElse(CloseCode.FORBIDDEN);
        connection.sendAndClose(envelope.message(), code);
    }
}
