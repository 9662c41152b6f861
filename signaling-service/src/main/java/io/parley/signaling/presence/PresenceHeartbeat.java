package io.parley.signaling.presence;

import java.time.Clock;
import java.util.Map;

import io.parley.signaling.SignalingProperties;
import io.parley.signaling.events.SignalingEvents;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps presence true across instances. Every heartbeat an instance refreshes the entries of its own sockets and
 * looks at the other entries of the meetings it serves: one not refreshed within the timeout belongs to an instance
 * that died, so it is removed and its departure announced (by whichever instance removed it first).
 */
@Component
class PresenceHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceHeartbeat.class);

    private final LocalSessions sessions;
    private final PresenceStore presence;
    private final MeetingChannels channels;
    private final ServerMessages messages;
    private final SignalingEvents events;
    private final SignalingProperties properties;
    private final Clock clock;
    private Disposable beating;

    PresenceHeartbeat(LocalSessions sessions, PresenceStore presence, MeetingChannels channels,
            ServerMessages messages, SignalingEvents events, SignalingProperties properties, Clock clock) {
        this.sessions = sessions;
        this.presence = presence;
        this.channels = channels;
        this.messages = messages;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        // a beat slower than the interval skips ticks instead of failing the interval for good
        beating = Flux.interval(properties.presence().heartbeat())
            .onBackpressureDrop()
            .concatMap(tick -> beat().onErrorResume(error -> {
                log.warn("Presence heartbeat failed: {}", error.toString());
                return Mono.empty();
            }))
            .subscribe();
    }

    /** One script per meeting this instance serves: its own entries refreshed, dead instances' entries reaped. */
    Mono<Void> beat() {
        long now = clock.millis();
        return Flux.fromIterable(sessions.meetings())
            .flatMap(meetingId -> presence
                .beat(meetingId, sessions.inMeeting(meetingId).stream().map(connection -> entry(connection, now))
                    .toList(), now, properties.presence().timeout(), properties.instanceId())
                .flatMapMany(Flux::fromIterable)
                .flatMap(stale -> announceDeparture(meetingId, stale)))
            .then();
    }

    private Mono<Void> announceDeparture(String meetingId, PresenceEntry stale) {
        return channels.publish(meetingId, Envelope.everyone(messages.of(MessageType.PARTICIPANT_LEFT,
                    Map.of("participantId", stale.participantId()))))
            .doOnNext(published -> events.disconnected(new SignalingEvents.Presence(meetingId,
                    stale.participantId(), stale.userId(), stale.name(), stale.instance(), clock.instant())))
            .then();
    }

    private PresenceEntry entry(Connection connection, long now) {
        var token = connection.token();
        return new PresenceEntry(token.participantId(), token.name(), token.role().claim(), token.subject(),
                properties.instanceId(), connection.audio(), connection.video(), now);
    }

    @Override
    public void stop() {
        if (beating != null) {
            beating.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return beating != null && !beating.isDisposed();
    }
}
