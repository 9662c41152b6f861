package io.parley.signaling.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import io.parley.events.Ids;
import io.parley.signaling.SignalingProperties;
import io.parley.signaling.events.SignalingEvents;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.MeetingChannels;
import io.parley.signaling.protocol.ClientMessage;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.MessageHandler;
import io.parley.signaling.session.Replies;
import io.parley.support.text.UserText;
import io.parley.tokens.JoinToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code chat}: checked for length and rate, kept in the meeting's recent history, sent
 * to everyone (the sender included, so every screen shows the same order), then announced
 * on Kafka.
 */
@Component
class ChatHandler implements MessageHandler<ClientMessage.Chat> {

    private final ChatHistory history;

    private final MeetingChannels channels;

    private final ServerMessages messages;

    private final SignalingEvents events;

    private final Replies replies;

    private final SignalingProperties.Chat limits;

    private final Clock clock;

    ChatHandler(ChatHistory history, MeetingChannels channels, ServerMessages messages, SignalingEvents events,
            Replies replies, SignalingProperties properties, Clock clock) {
        this.history = history;
        this.channels = channels;
        this.messages = messages;
        this.events = events;
        this.replies = replies;
        this.limits = properties.chat();
        this.clock = clock;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.CHAT);
    }

    @Override
    public Class<ClientMessage.Chat> messageClass() {
        return ClientMessage.Chat.class;
    }

    @Override
    public Mono<Void> handle(Connection sender, ClientMessage.Chat chat) {
        String text = UserText.strip(chat.text());
        switch (UserText.message(text, limits.maxLength())) {
            case TOO_LONG:
                return replies.error(sender, ErrorCode.CHAT_TOO_LONG,
                        "Chat messages are at most " + limits.maxLength() + " characters.");
            case EMPTY:
                return replies.error(sender, ErrorCode.INVALID_FIELD, "'text' must be a non-empty string.");
            case FORBIDDEN_CHARACTER:
                return replies.error(sender, ErrorCode.INVALID_FIELD,
                        "Chat messages may not hold control or text-direction override characters.");
            default:
                break;
        }
        if (!sender.allowChat(System.nanoTime())) {
            return replies.error(sender, ErrorCode.RATE_LIMITED, "Too many chat messages; slow down.");
        }
        JoinToken token = sender.token();
        String id = Ids.random();
        Instant sentAt = clock.instant();
        String out = messages.chat(id, token.participantId(), token.name(), text, sentAt);
        return history.append(token.meetingId(), out)
            .then(channels.publish(token.meetingId(), Envelope.everyone(out)))
            .doOnSuccess(ignored -> events.chat(new SignalingEvents.ChatMessage(token.meetingId(), id,
                    token.participantId(), token.name(), text, sentAt)))
            .then()
            .onErrorResume(
                    error -> replies.error(sender, ErrorCode.UNAVAILABLE, "The chat message could not be sent."));
    }

}
