package io.parley.signaling.meeting;

import java.util.List;
import java.util.Map;

import io.parley.signaling.chat.ChatHistory;
import io.parley.signaling.events.SignalingEvents;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.ice.IceServers;
import io.parley.signaling.presence.ParticipantPresence;
import io.parley.signaling.presence.PresenceEntry;
import io.parley.signaling.presence.PresenceStore;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.user.CallPresence;
import io.parley.tokens.JoinToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An admitted participant enters the meeting: this instance listens to the meeting's
 * channel, the participant enters presence, gets {@code welcome} (meeting, the others,
 * ICE servers, recent chat), and the others learn it joined; a signed-in person's
 * contacts see them in a call.
 */
@Component
class Joining {

    private final MeetingChannels channels;

    private final PresenceStore presence;

    private final ParticipantPresence participants;

    private final ChatHistory chatHistory;

    private final IceServers iceServers;

    private final ServerMessages messages;

    private final SignalingEvents events;

    private final CallPresence calls;

    Joining(MeetingChannels channels, PresenceStore presence, ParticipantPresence participants, ChatHistory chatHistory,
            IceServers iceServers, ServerMessages messages, SignalingEvents events, CallPresence calls) {
        this.channels = channels;
        this.presence = presence;
        this.participants = participants;
        this.chatHistory = chatHistory;
        this.iceServers = iceServers;
        this.messages = messages;
        this.events = events;
        this.calls = calls;
    }

    Mono<Void> join(Connection connection, Map<String, Object> meeting) {
        JoinToken token = connection.token();
        PresenceEntry entry = participants.entry(connection);
        // stored, not built from the socket: a participant that reconnects keeps its
        // raised hand
        return channels.listen(token.meetingId())
            .then(presence.store(token.meetingId(), entry))
            .flatMap(stored -> Mono.zip(presence.list(token.meetingId()), chatHistory.recent(token.meetingId()))
                .doOnNext(state -> {
                    List<PresenceEntry.View> others = state.getT1()
                        .stream()
                        .filter(other -> !other.participantId().equals(token.participantId()))
                        .map(PresenceEntry::view)
                        .toList();
                    connection.send(messages.welcome(token.participantId(), meeting, others,
                            iceServers.forUser(token.subject()), state.getT2()));
                    if (stored.raisedAt() != null) {
                        connection.send(messages.participant(MessageType.PARTICIPANT_UPDATED, stored.view()));
                    }
                })
                .then(channels.publish(token.meetingId(),
                        Envelope.everyoneExcept(token.participantId(),
                                messages.participant(MessageType.PARTICIPANT_JOINED, stored.view())))))
            .doOnSuccess(ignored -> {
                events.connected(participants.event(token));
                calls.entered(token);
            })
            .then();
    }

}
