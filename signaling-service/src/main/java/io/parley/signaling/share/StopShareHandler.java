package io.parley.signaling.share;

import java.util.Set;

import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.MessageHandler;
import io.parley.signaling.session.Replies;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code stop-share}: a host asks a participant's client to stop sharing its screen
 * ({@code share-stopped}, on whichever instance holds it); the client stops the capture
 * and announces that in its {@code media} state. Anyone else is answered with
 * {@code host-only} and the socket stays open, as for {@code lower-hand}.
 */
@Component
class StopShareHandler implements MessageHandler<ClientMessage.StopShare> {

    private final MeetingChannels channels;

    private final ServerMessages messages;

    private final Replies replies;

    StopShareHandler(MeetingChannels channels, ServerMessages messages, Replies replies) {
        this.channels = channels;
        this.messages = messages;
        this.replies = replies;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.STOP_SHARE);
    }

    @Override
    public Class<ClientMessage.StopShare> messageClass() {
        return ClientMessage.StopShare.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.StopShare stop) {
        if (!sender.token().isHost()) {
            return replies.error(sender, ErrorCode.HOST_ONLY, "Only a host may stop someone's screen share.");
        }
        return channels
            .publishIfPresent(sender.meetingId(), stop.participantId(), messages.of(MessageType.SHARE_STOPPED))
            .flatMap(present -> present ? Mono.<Void>empty()
                    : replies.error(sender, ErrorCode.UNKNOWN_PARTICIPANT, "That participant is not in the meeting."))
            .onErrorResume(error -> replies.error(sender, ErrorCode.UNAVAILABLE, "The share could not be stopped."));
    }

}
