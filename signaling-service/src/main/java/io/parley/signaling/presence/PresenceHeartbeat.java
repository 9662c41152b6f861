package io.parley.signaling.presence;

import java.util.Map;

import io.parley.signaling.SignalingProperties;
import io.parley.signaling.events.SignalingEvents;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.LocalSessions;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps presence true across instances. Every heartbeat an instance refreshes the entries
 * of its own sockets and looks at the other entries of the meetings it serves: one not
 * refreshed within the timeout belongs to an instance that died, so it is removed and its
 * departure announced (by whichever instance removed it first).
 */
@Component
class PresenceHeartbeat extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(PresenceHeartbeat.class);

    private final LocalSessions sessions;

    private final PresenceStore presence;

    private final ParticipantPresence participants;

    private final MeetingChannels channels;

    private final ServerMessages messages;

    private final SignalingEvents events;

    private final SignalingProperties.Presence settings;

    private final String instanceId;

    PresenceHeartbeat(LocalSessions sessions, PresenceStore presence, ParticipantPresence participants,
            MeetingChannels channels, ServerMessages messages, SignalingEvents events, SignalingProperties properties) {
        super(properties.presence().heartbeat(), properties.presence().heartbeat());
        this.sessions = sessions;
        this.presence = presence;
        this.participants = participants;
        this.channels = channels;
        this.messages = messages;
        this.events = events;
        this.settings = properties.presence();
        this.instanceId = properties.instanceId();
    }

    /**
     * One script per meeting this instance serves: its own entries refreshed, dead
     * instances' entries reaped.
     */
    @Override
    protected Mono<Void> runOnce() {
        long now = participants.now();
        return Flux.fromIterable(sessions.meetings())
            .flatMap(meetingId -> presence
                .beat(meetingId,
                        sessions.inMeeting(meetingId)
                            .stream()
                            .map(connection -> participants.entry(connection, now))
                            .toList(),
                        now, settings.timeout(), instanceId)
                .flatMapMany(Flux::fromIterable)
                .flatMap(stale -> announceDeparture(meetingId, stale)))
            .then();
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Presence heartbeat failed: {}", error.toString());
    }

    private Mono<Void> announceDeparture(String meetingId, PresenceEntry stale) {
        return channels
            .publish(meetingId,
                    Envelope.everyone(
                            messages.of(MessageType.PARTICIPANT_LEFT, Map.of("participantId", stale.participantId()))))
            .doOnNext(published -> events.disconnected(participants.departure(meetingId, stale)))
            .then();
    }

}
