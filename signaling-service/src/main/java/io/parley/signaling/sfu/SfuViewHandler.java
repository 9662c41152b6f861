package io.parley.signaling.sfu;

import java.util.Set;

import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.MessageHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code sfu-view}: handed to the sender's {@link SfuParticipant}. */
@Component
class SfuViewHandler implements MessageHandler<ClientMessage.SfuView> {

    private final SfuSessions sessions;

    SfuViewHandler(SfuSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.SFU_VIEW);
    }

    @Override
    public Class<ClientMessage.SfuView> messageClass() {
        return ClientMessage.SfuView.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.SfuView message) {
        return sessions.view(sender, message);
    }

}
