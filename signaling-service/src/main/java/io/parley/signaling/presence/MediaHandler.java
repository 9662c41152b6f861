package io.parley.signaling.presence;

import java.util.Set;

import io.parley.signaling.fanout.Envelope;
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
 * {@code media}: the sender's microphone and camera state and the screen it shares (if
 * any), kept in presence and shown to everyone.
 */
@Component
class MediaHandler implements MessageHandler<ClientMessage.Media> {

    private final ParticipantPresence participants;

    private final PresenceStore presence;

    private final MeetingChannels channels;

    private final ServerMessages messages;

    private final Replies replies;

    MediaHandler(ParticipantPresence participants, PresenceStore presence, MeetingChannels channels,
            ServerMessages messages, Replies replies) {
        this.participants = participants;
        this.presence = presence;
        this.channels = channels;
        this.messages = messages;
        this.replies = replies;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.MEDIA);
    }

    @Override
    public Class<ClientMessage.Media> messageClass() {
        return ClientMessage.Media.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.Media media) {
        sender.media(media.audio(), media.video(), media.screen());
        PresenceEntry entry = participants.entry(sender);
        return presence.store(sender.meetingId(), entry)
            .flatMap(stored -> channels.publish(sender.meetingId(),
                    Envelope.everyone(messages.participant(MessageType.PARTICIPANT_UPDATED, stored.view()))))
            .then()
            .onErrorResume(
                    error -> replies.error(sender, ErrorCode.UNAVAILABLE, "The mute state could not be shared."));
    }

}
