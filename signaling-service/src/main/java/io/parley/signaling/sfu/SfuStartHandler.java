package io.parley.signaling.sfu;

import java.util.Set;

import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.MessageHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code sfu-start}: handed to the sender's {@link SfuParticipant}. */
@Component
class SfuStartHandler implements MessageHandler<ClientMessage.SfuStart> {

    private final SfuSessions sessions;

    SfuStartHandler(SfuSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.SFU_START);
    }

    @Override
    public Class<ClientMessage.SfuStart> messageClass() {
        return ClientMessage.SfuStart.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.SfuStart message) {
        return sessions.start(sender, message);
    }

}
