package io.parley.signaling.fanout;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.presence.PresenceStore;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One Redis pub/sub channel per meeting. An instance listens to a meeting's channel while it holds at least one
 * socket of that meeting, and delivers what arrives to its own sockets; every instance publishes there to reach
 * sockets held elsewhere.
 * <p>
 * All channels share one Lettuce pub/sub connection with one listener that looks the meeting up by channel name.
 * Spring's listener container registers a listener per subscription instead, each copying and filtering every
 * message: with hundreds of meetings per instance that cost grew with the number of meetings and starved the
 * Redis event loop. Lettuce subscribes to the channels again by itself after a reconnect.
 */
@Component
public class MeetingChannels implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MeetingChannels.class);
    private static final String PREFIX = "signal:{meeting:";
    /** A join waits this long for Redis to confirm the subscription, then fails (the client retries). */
    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(5);
    private static final LuaScript RELAY = LuaScript.integer("relay-v1.lua");

    private final ReactiveStringRedisTemplate redis;
    private final RedisScripts scripts;
    private final LettuceConnectionFactory connectionFactory;
    private final LocalSessions sessions;
    private final SignalingMetrics metrics;
    private final Map<String, Mono<Void>> subscriptions = new ConcurrentHashMap<>();
    /** Connected on the first listen (connecting blocks, so never on an event loop); a failed attempt is retried. */
    private final Mono<StatefulRedisPubSubConnection<String, String>> pubSub;
    private volatile StatefulRedisPubSubConnection<String, String> connected;

    public MeetingChannels(ReactiveStringRedisTemplate redis, RedisScripts scripts,
            LettuceConnectionFactory connectionFactory, LocalSessions sessions, SignalingMetrics metrics) {
        this.redis = redis;
        this.scripts = scripts;
        this.connectionFactory = connectionFactory;
        this.sessions = sessions;
        this.metrics = metrics;
        this.pubSub = Mono.fromCallable(this::connect)
            .subscribeOn(Schedulers.boundedElastic())
            .cache(connection -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    static String channel(String meetingId) {
        return PREFIX + meetingId + "}";
    }

    private StatefulRedisPubSubConnection<String, String> connect() {
        if (!(connectionFactory.getNativeClient() instanceof RedisClient client)) {
            throw new IllegalStateException("Meeting channels need a standalone Redis (a Lettuce RedisClient)");
        }
        StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub(StringCodec.UTF8);
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                if (channel.startsWith(PREFIX) && channel.endsWith("}")) {
                    deliver(channel.substring(PREFIX.length(), channel.length() - 1), message);
                }
            }
        });
        connected = connection;
        return connection;
    }

    /** Listens to the meeting's channel (once per instance); completes when Redis confirmed the subscription. */
    public Mono<Void> listen(String meetingId) {
        Mono<Void> existing = subscriptions.get(meetingId);
        if (existing != null) {
            return existing;
        }
        Mono<Void> subscribed = pubSub.flatMap(connection -> connection.reactive().subscribe(channel(meetingId)))
            .timeout(SUBSCRIBE_TIMEOUT)
            .cache();
        Mono<Void> raced = subscriptions.putIfAbsent(meetingId, subscribed);
        if (raced != null) {
            return raced;
        }
        // sent now, so that SUBSCRIBE and a later UNSUBSCRIBE of the same meeting reach Redis in this order
        subscribed.subscribe(null, error -> {
            log.warn("Could not listen to the channel of meeting {}: {}", meetingId, error.toString());
            subscriptions.remove(meetingId, subscribed);
        });
        return subscribed;
    }

    /** Stops listening once no local socket of the meeting is left. */
    public void stopListening(String meetingId) {
        StatefulRedisPubSubConnection<String, String> connection = connected;
        if (subscriptions.remove(meetingId) != null && connection != null) {
            connection.reactive().unsubscribe(channel(meetingId)).subscribe(null,
                    error -> log.debug("Unsubscribing meeting {} failed: {}", meetingId, error.toString()));
        }
    }

    @Override
    public void destroy() {
        StatefulRedisPubSubConnection<String, String> connection = connected;
        if (connection != null) {
            connection.closeAsync();
        }
    }

    public Mono<Long> publish(String meetingId, Envelope envelope) {
        metrics.relayedThroughRedis();
        return redis.convertAndSend(channel(meetingId), envelope.encode());
    }

    /**
     * Publishes a message for one participant if it is present in the meeting on any instance, in one round trip;
     * false when it is not.
     */
    public Mono<Boolean> publishIfPresent(String meetingId, String participantId, String message) {
        return scripts.integer(RELAY, List.of(PresenceStore.key(meetingId)), participantId, channel(meetingId),
                Envelope.to(participantId, message).encode())
            .map(receivers -> {
                if (receivers < 0) {
                    return false;
                }
                metrics.relayedThroughRedis();
                return true;
            });
    }

    void deliver(String meetingId, String raw) {
        metrics.fanoutReceived();
        Envelope envelope;
        try {
            String recipient = Envelope.recipientOf(raw);
            if (recipient != null) {
                // most envelopes of a busy meeting are for sockets on other instances: no further parsing for those
                Connection target = sessions.get(meetingId, recipient);
                if (target != null) {
                    deliverTo(target, Envelope.decode(raw));
                }
                return;
            }
            envelope = Envelope.decode(raw);
        }
        catch (RuntimeException ex) {
            log.warn("Dropping an unreadable message on the channel of meeting {}", meetingId);
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
        CloseCode code = Arrays.stream(CloseCode.values())
            .filter(candidate -> candidate.code() == envelope.closeCode())
            .findFirst()
            .orElse(CloseCode.FORBIDDEN);
        connection.sendAndClose(envelope.message(), code);
    }
}
