package io.parley.signaling.sfu;

import java.util.Set;

import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.MessageHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** {@code sfu-publish}: handed to the sender's {@link SfuParticipant}. */
@Component
class SfuPublishHandler implements MessageHandler<ClientMessage.SfuPublish> {

    private final SfuSessions sessions;

    SfuPublishHandler(SfuSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.SFU_PUBLISH);
    }

    @Override
    public Class<ClientMessage.SfuPublish> messageClass() {
        return ClientMessage.SfuPublish.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.SfuPublish message) {
        return sessions.publish(sender, message);
    }

}
