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
import io.parley.signaling.sfu.MeetingMedia;
import io.parley.signaling.user.CallPresence;
import io.parley.tokens.JoinToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * An admitted participant enters the meeting: this instance listens to the meeting's
 * channel, the participant enters presence, gets {@code welcome} (meeting, the others,
 * ICE servers, recent chat, whether media is peer to peer or through the SFU), and the
 * others learn it joined; a signed-in person's contacts see them in a call.
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

    private final MeetingMedia media;

    Joining(MeetingChannels channels, PresenceStore presence, ParticipantPresence participants, ChatHistory chatHistory,
            IceServers iceServers, ServerMessages messages, SignalingEvents events, CallPresence calls,
            MeetingMedia media) {
        this.media = media;
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
                .flatMap(state -> media.onJoin(token.meetingId(), meeting, state.getT1().size())
                    .flatMap(decision -> welcome(connection, meeting, stored, state.getT1(), state.getT2(), decision)))
                .then(channels.publish(token.meetingId(),
                        Envelope.everyoneExcept(token.participantId(),
                                messages.participant(MessageType.PARTICIPANT_JOINED, stored.view())))))
            .doOnSuccess(ignored -> {
                events.connected(participants.event(token));
                calls.entered(token);
            })
            .then();
    }

    /**
     * The others learn that the meeting moved to the SFU before they learn who joined, so
     * that nobody starts a peer connection to the newcomer.
     */
    private Mono<Void> welcome(Connection connection, Map<String, Object> meeting, PresenceEntry stored,
            List<PresenceEntry> present, List<JsonNode> chat, MeetingMedia.Decision decision) {
        JoinToken token = connection.token();
        List<PresenceEntry.View> others = present.stream()
            .filter(other -> !other.participantId().equals(token.participantId()))
            .map(PresenceEntry::view)
            .toList();
        connection.send(messages.welcome(token.participantId(), meeting, others, iceServers.forUser(token.subject()),
                chat, decision.mode()));
        if (stored.raisedAt() != null) {
            connection.send(messages.participant(MessageType.PARTICIPANT_UPDATED, stored.view()));
        }
        if (decision != MeetingMedia.Decision.MOVED_TO_SFU) {
            return Mono.empty();
        }
        return channels.publish(token.meetingId(), Envelope.everyoneExcept(token.participantId(),
                messages.of(MessageType.MEDIA_MODE, Map.of("mode", decision.mode()))))
            .then();
    }

}
