package io.parley.signaling.meeting;

import java.util.Set;

import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.MessageHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code ping}: answered with {@code pong}, so a client can tell a quiet socket from a
 * dead one.
 */
@Component
class PingHandler implements MessageHandler<ClientMessage.Ping> {

    private final String pong;

    PingHandler(ServerMessages messages) {
        this.pong = messages.of(MessageType.PONG);
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.PING);
    }

    @Override
    public Class<ClientMessage.Ping> messageClass() {
        return ClientMessage.Ping.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.Ping ping) {
        sender.send(pong);
        return Mono.empty();
    }

}
