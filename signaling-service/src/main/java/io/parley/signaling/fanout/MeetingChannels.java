package io.parley.signaling.fanout;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.presence.PresenceStore;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One Redis pub/sub channel per meeting ({@link PubSub}). An instance listens to a
 * meeting's channel while it holds at least one socket of that meeting, and delivers what
 * arrives to its own sockets; every instance publishes there to reach sockets held
 * elsewhere.
 */
@Component
public class MeetingChannels {

    private static final Logger log = LoggerFactory.getLogger(MeetingChannels.class);

    private static final String PREFIX = "signal:{meeting:";

    private static final LuaScript RELAY = LuaScript.integer("relay-v1.lua");

    private final PubSub pubSub;

    private final RedisScripts scripts;

    private final LocalSessions sessions;

    private final SignalingMetrics metrics;

    public MeetingChannels(PubSub pubSub, RedisScripts scripts, LocalSessions sessions, SignalingMetrics metrics) {
        this.pubSub = pubSub;
        this.scripts = scripts;
        this.sessions = sessions;
        this.metrics = metrics;
        pubSub.family(PREFIX, this::deliver);
    }

    static String channel(String meetingId) {
        return PubSub.channel(PREFIX, meetingId);
    }

    /**
     * Listens to the meeting's channel (once per instance); completes when Redis
     * confirmed the subscription.
     */
    public Mono<Void> listen(String meetingId) {
        return pubSub.listen(channel(meetingId));
    }

    /**
     * Called with the meeting's id when this instance listens to its channel again after
     * Redis was away.
     */
    public void onResubscribed(Consumer<String> meetingIds) {
        pubSub.onResubscribed(PREFIX, meetingIds);
    }

    /** Stops listening once no local socket of the meeting is left. */
    public void stopListening(String meetingId) {
        pubSub.stopListening(channel(meetingId));
    }

    public Mono<Long> publish(String meetingId, Envelope envelope) {
        metrics.relayedThroughRedis();
        return pubSub.publish(channel(meetingId), envelope.encode());
    }

    /**
     * Publishes a message for one participant if it is present in the meeting on any
     * instance, in one round trip; false when it is not.
     */
    public Mono<Boolean> publishIfPresent(String meetingId, String participantId, String message) {
        return scripts
            .integer(RELAY, List.of(PresenceStore.key(meetingId)), participantId, channel(meetingId),
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
                // most envelopes of a busy meeting are for sockets on other instances: no
                // further parsing for those
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
