package io.parley.signaling.user;

import java.util.Map;

import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ProtocolException;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Replies;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * What a device may send on its user socket: {@code ping} (answered with {@code pong})
 * and {@code refresh} (a fresh access token of the same person and sign-in session, which
 * keeps the socket open past the old token's expiry). Everything else a person does goes
 * over HTTP; any other type is an {@code unknown-type} error.
 */
@Component
class UserRequests {

    private final UserAdmission admission;

    private final ServerMessages messages;

    private final Replies replies;

    private final String pong;

    UserRequests(UserAdmission admission, ServerMessages messages, Replies replies) {
        this.admission = admission;
        this.messages = messages;
        this.replies = replies;
        this.pong = messages.of(MessageType.PONG);
    }

    Mono<Void> handle(UserConnection sender, String frame) {
        if (!sender.allowMessage(System.nanoTime())) {
            return replies.error(sender.outbound(), ErrorCode.RATE_LIMITED, "Too many messages; slow down.");
        }
        ClientMessage message;
        try {
            message = ClientMessage.parse(MessageType.Socket.USER, messages.read(frame));
        }
        catch (JacksonException ex) {
            return replies.error(sender.outbound(), ErrorCode.MALFORMED, "The message is not valid JSON.");
        }
        catch (ProtocolException ex) {
            return replies.error(sender.outbound(), ex.code(), ex.getMessage());
        }
        if (message instanceof ClientMessage.Refresh refresh) {
            return refresh(sender, refresh.token());
        }
        sender.outbound().send(pong);
        return Mono.empty();
    }

    private Mono<Void> refresh(UserConnection sender, String rawToken) {
        return admission.admit(rawToken).flatMap(outcome -> {
            if (!outcome.admitted() || !sender.refresh(outcome.token())) {
                return replies.error(sender.outbound(), ErrorCode.INVALID_FIELD,
                        "The token is not a valid access token of this sign-in.");
            }
            sender.outbound()
                .send(messages.of(MessageType.REFRESHED, Map.of("expiresAt", sender.expiresAt().toString())));
            return Mono.<Void>empty();
        });
    }

}
