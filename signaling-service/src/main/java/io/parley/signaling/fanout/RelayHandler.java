package io.parley.signaling.fanout;

import java.util.Set;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import io.parley.signaling.session.MessageHandler;
import io.parley.signaling.session.Replies;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code offer}, {@code answer} and {@code ice}: to the one participant named in
 * {@code to}, on this instance directly, on another through the meeting's channel, or
 * back to the sender as {@code unknown-participant}.
 */
@Component
class RelayHandler implements MessageHandler<ClientMessage.Relay> {

    private final LocalSessions sessions;

    private final MeetingChannels channels;

    private final ServerMessages messages;

    private final Replies replies;

    private final SignalingMetrics metrics;

    RelayHandler(LocalSessions sessions, MeetingChannels channels, ServerMessages messages, Replies replies,
            SignalingMetrics metrics) {
        this.sessions = sessions;
        this.channels = channels;
        this.messages = messages;
        this.replies = replies;
        this.metrics = metrics;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.OFFER, MessageType.ANSWER, MessageType.ICE);
    }

    @Override
    public Class<ClientMessage.Relay> messageClass() {
        return ClientMessage.Relay.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.Relay relay) {
        if (relay.to().equals(sender.participantId())) {
            return replies.error(sender, ErrorCode.INVALID_FIELD, "A message cannot be sent to yourself.");
        }
        String out = messages.relay(relay.type(), sender.participantId(), relay.payload());
        Connection target = sessions.get(sender.meetingId(), relay.to());
        if (target != null) {
            metrics.relayedLocally();
            target.send(out);
            return Mono.empty();
        }
        return channels.publishIfPresent(sender.meetingId(), relay.to(), out)
            .flatMap(present -> present ? Mono.<Void>empty()
                    : replies.error(sender, ErrorCode.UNKNOWN_PARTICIPANT, "No such participant in this meeting."))
            .onErrorResume(error -> replies.error(sender, ErrorCode.UNAVAILABLE, "The message could not be relayed."));
    }

}
