package io.parley.signaling.meeting;

import java.util.Map;

import io.parley.signaling.events.SignalingEvents;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.presence.ParticipantPresence;
import io.parley.signaling.presence.PresenceStore;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import io.parley.signaling.sfu.MeetingMedia;
import io.parley.signaling.sfu.SfuSessions;
import io.parley.signaling.user.CallPresence;
import io.parley.tokens.JoinToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A closed socket leaves the meeting: out of presence (the others learn it left, unless a
 * newer socket of the same participant replaced it), its SFU session ended, its stream
 * lease released, the meeting's SFU room released once nobody is left in it, and the
 * meeting's channel dropped once no local socket of the meeting is left; a signed-in
 * person's contacts no longer see them in this call.
 */
@Component
class Leaving {

    private static final Logger log = LoggerFactory.getLogger(Leaving.class);

    private final LocalSessions sessions;

    private final PresenceStore presence;

    private final ParticipantPresence participants;

    private final MeetingChannels channels;

    private final ServerMessages messages;

    private final SignalingEvents events;

    private final StreamLeases leases;

    private final CallPresence calls;

    private final SfuSessions sfu;

    private final MeetingMedia media;

    Leaving(LocalSessions sessions, PresenceStore presence, ParticipantPresence participants, MeetingChannels channels,
            ServerMessages messages, SignalingEvents events, StreamLeases leases, CallPresence calls, SfuSessions sfu,
            MeetingMedia media) {
        this.sfu = sfu;
        this.media = media;
        this.sessions = sessions;
        this.presence = presence;
        this.participants = participants;
        this.channels = channels;
        this.messages = messages;
        this.events = events;
        this.leases = leases;
        this.calls = calls;
    }

    void leave(Connection connection, String rawToken) {
        boolean lastLocal = sessions.unregister(connection);
        sfu.leave(connection);
        if (connection.closeCode() == CloseCode.REPLACED) {
            return;
        }
        JoinToken token = connection.token();
        calls.left(token);
        presence.remove(token.meetingId(), token.participantId(), participants.instance())
            .flatMap(removed -> removed ? announce(token).thenReturn(true) : Mono.just(false))
            .then(presence.list(token.meetingId()))
            .flatMap(left -> media.onLeave(token.meetingId(), left.isEmpty()))
            .then(leases.release(token, rawToken))
            .doFinally(signal -> {
                if (lastLocal && sessions.inMeeting(token.meetingId()).isEmpty()) {
                    channels.stopListening(token.meetingId());
                }
            })
            .subscribe(null, error -> log.warn("Clean-up after participant {} left failed: {}", token.participantId(),
                    error.toString()));
    }

    private Mono<Void> announce(JoinToken token) {
        return channels
            .publish(token.meetingId(),
                    Envelope.everyoneExcept(token.participantId(),
                            messages.of(MessageType.PARTICIPANT_LEFT, Map.of("participantId", token.participantId()))))
            .doOnSuccess(published -> events.disconnected(participants.event(token)))
            .then();
    }

}
