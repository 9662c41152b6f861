package io.parley.signaling.hands;

import java.time.Clock;

import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.presence.PresenceStore;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.Replies;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Raises or lowers a hand in presence (Redis, whichever instance holds the socket) and
 * shows everyone the participant's new state.
 */
@Component
class Hands {

    private final PresenceStore presence;

    private final MeetingChannels channels;

    private final ServerMessages messages;

    private final Replies replies;

    private final Clock clock;

    Hands(PresenceStore presence, MeetingChannels channels, ServerMessages messages, Replies replies, Clock clock) {
        this.presence = presence;
        this.channels = channels;
        this.messages = messages;
        this.replies = replies;
        this.clock = clock;
    }

    Mono<Void> set(Connection sender, String participantId, boolean raised) {
        String meetingId = sender.meetingId();
        return presence.hand(meetingId, participantId, raised ? clock.millis() : null)
            .flatMap(stored -> channels.publish(meetingId,
                    Envelope.everyone(messages.participant(MessageType.PARTICIPANT_UPDATED, stored.view()))))
            .map(published -> true)
            .switchIfEmpty(Mono.defer(
                    () -> replies.error(sender, ErrorCode.UNKNOWN_PARTICIPANT, "No such participant in this meeting.")
                        .thenReturn(false)))
            .then()
            .onErrorResume(error -> replies.error(sender, ErrorCode.UNAVAILABLE, "The hand could not be shared."));
    }

}
