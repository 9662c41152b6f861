package io.parley.signaling.meeting;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ProtocolException;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.MessageHandler;
import io.parley.signaling.session.Replies;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * A meeting socket's text frame: rate-checked, parsed against the message catalogue, and
 * given to the one handler of its type. Built from every {@link MessageHandler} bean, and
 * refuses to start when a client message type has no handler or two.
 */
@Component
class MessageDispatcher {

    private final Map<MessageType, MessageHandler<?>> handlers = new EnumMap<>(MessageType.class);

    private final ServerMessages messages;

    private final Replies replies;

    MessageDispatcher(List<MessageHandler<?>> handlers, ServerMessages messages, Replies replies) {
        this.messages = messages;
        this.replies = replies;
        for (MessageHandler<?> handler : handlers) {
            for (MessageType type : handler.types()) {
                if (this.handlers.putIfAbsent(type, handler) != null) {
                    throw new IllegalStateException("Two handlers for signaling message type " + type.wireName());
                }
            }
        }
        List<String> unhandled = Arrays.stream(MessageType.values())
            .filter(type -> type.isFromClientOf(MessageType.Socket.MEETING))
            .filter(type -> !this.handlers.containsKey(type))
            .map(MessageType::wireName)
            .toList();
        if (!unhandled.isEmpty()) {
            throw new IllegalStateException("No handler for signaling message types " + unhandled);
        }
    }

    Mono<Void> dispatch(Connection sender, String frame) {
        if (!sender.allowMessage(System.nanoTime())) {
            return replies.error(sender, ErrorCode.RATE_LIMITED, "Too many messages; slow down.");
        }
        ClientMessage message;
        try {
            message = ClientMessage.parse(messages.read(frame));
        }
        catch (JacksonException ex) {
            return replies.error(sender, ErrorCode.MALFORMED, "The message is not valid JSON.");
        }
        catch (ProtocolException ex) {
            return replies.error(sender, ex.code(), ex.getMessage());
        }
        return handle(handlers.get(message.type()), sender, message);
    }

    private static <M extends ClientMessage> Mono<Void> handle(MessageHandler<M> handler, Connection sender,
            ClientMessage message) {
        return handler.handle(sender, handler.messageClass().cast(message));
    }

}
