package io.parley.signaling.hands;

import java.util.Set;

import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.MessageHandler;
import io.parley.signaling.session.Replies;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code lower-hand}: a host lowers a participant's hand. Anyone else is answered with
 * {@code host-only} and the socket stays open: a client showing a stale role is not an
 * attack.
 */
@Component
class LowerHandHandler implements MessageHandler<ClientMessage.LowerHand> {

    private final Hands hands;

    private final Replies replies;

    LowerHandHandler(Hands hands, Replies replies) {
        this.hands = hands;
        this.replies = replies;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.LOWER_HAND);
    }

    @Override
    public Class<ClientMessage.LowerHand> messageClass() {
        return ClientMessage.LowerHand.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.LowerHand lower) {
        if (!LoweringRule.allows(sender.token(), lower.participantId())) {
            return replies.error(sender, ErrorCode.HOST_ONLY, "Only a host may lower someone else's hand.");
        }
        return hands.set(sender, lower.participantId(), false);
    }

}
