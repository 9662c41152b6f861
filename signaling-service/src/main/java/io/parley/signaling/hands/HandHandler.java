package io.parley.signaling.hands;

import java.util.Set;

import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.MessageHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code hand}: the sender raises or lowers its own hand. */
@Component
class HandHandler implements MessageHandler<ClientMessage.Hand> {

    private final Hands hands;

    HandHandler(Hands hands) {
        this.hands = hands;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.HAND);
    }

    @Override
    public Class<ClientMessage.Hand> messageClass() {
        return ClientMessage.Hand.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.Hand hand) {
        return hands.set(sender, sender.participantId(), hand.raised());
    }

}
