package io.parley.signaling.session;

import java.util.Set;

import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.MessageType;
import reactor.core.publisher.Mono;

/**
 * Handles the client messages of the types it names. Every client message type of the
 * catalogue has exactly one handler; the meeting socket's dispatcher refuses to start
 * otherwise.
 */
public interface MessageHandler<M extends ClientMessage> {

    Set<MessageType> types();

    Class<M> messageClass();

    Mono<Void> handle(Connection sender, M message);

}
