package io.parley.signaling.user;

import java.util.Arrays;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.fanout.PubSub;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Two channel families for people: one per person, carrying what their devices must hear
 * (an {@link Envelope} whose {@code to} names one sign-in session, or none for every
 * device), and one per person for their presence, which instances listen to while they
 * hold a socket of one of that person's contacts.
 */
@Component
class UserChannels {

    private static final Logger log = LoggerFactory.getLogger(UserChannels.class);

    private static final String USER = "signal:{user:";

    private static final String PRESENCE = "signal:{presence:";

    private static final String CONTACT_ADDED = "{\"type\":\"" + MessageType.CONTACT_ADDED.wireName() + "\"";

    private static final String CONTACT_REMOVED = "{\"type\":\"" + MessageType.CONTACT_REMOVED.wireName() + "\"";

    private final PubSub pubSub;

    private final UserSockets sockets;

    private final ServerMessages messages;

    private final SignalingMetrics metrics;

    UserChannels(PubSub pubSub, UserSockets sockets, ServerMessages messages, SignalingMetrics metrics) {
        this.pubSub = pubSub;
        this.sockets = sockets;
        this.messages = messages;
        this.metrics = metrics;
        pubSub.family(USER, this::deliver);
        pubSub.family(PRESENCE, this::deliverPresence);
        pubSub.onResubscribed(USER, this::resubscribed);
    }

    /**
     * Redis was away and this person's channel is back: what was published meanwhile
     * never arrived, so their devices here reconnect and get a fresh {@code catch-up}
     * (which the client follows with the history it missed).
     */
    private void resubscribed(String accountId) {
        String reconnect = messages.of(MessageType.RECONNECT);
        sockets.of(accountId)
            .forEach(connection -> connection.outbound().sendAndClose(reconnect, CloseCode.GOING_AWAY));
    }

    Mono<Void> listen(String accountId) {
        return pubSub.listen(PubSub.channel(USER, accountId));
    }

    void stopListening(String accountId) {
        pubSub.stopListening(PubSub.channel(USER, accountId));
    }

    Mono<Long> publish(String accountId, Envelope envelope) {
        return pubSub.publish(PubSub.channel(USER, accountId), envelope.encode());
    }

    /** Follows a contact's presence on this socket. */
    void follow(UserConnection connection, String contactId) {
        if (sockets.watch(connection, contactId)) {
            pubSub.listen(PubSub.channel(PRESENCE, contactId))
                .subscribe(null,
                        error -> log.warn("Cannot follow the presence of {}: {}", contactId, error.toString()));
        }
    }

    void unfollow(UserConnection connection, String contactId) {
        if (sockets.unwatch(connection, contactId)) {
            pubSub.stopListening(PubSub.channel(PRESENCE, contactId));
        }
    }

    Mono<Long> announce(String accountId, String state) {
        return pubSub.publish(PubSub.channel(PRESENCE, accountId), presence(accountId, state));
    }

    String presence(String accountId, String state) {
        return messages.of(MessageType.PRESENCE, java.util.Map.of("accountId", accountId, "state", state));
    }

    private void deliver(String accountId, String raw) {
        Envelope envelope;
        try {
            envelope = Envelope.decode(raw);
        }
        catch (RuntimeException ex) {
            log.warn("Dropping an unreadable message on the channel of account {}", accountId);
            return;
        }
        for (UserConnection connection : sockets.of(accountId)) {
            if (envelope.to() == null || envelope.to().equals(connection.sessionId())) {
                metrics.userMessageDelivered();
                followContactChanges(connection, envelope.message());
                if (envelope.closeCode() == null) {
                    connection.outbound().send(envelope.message());
                }
                else {
                    connection.outbound().sendAndClose(envelope.message(), closeCode(envelope.closeCode()));
                }
            }
        }
    }

    private void followContactChanges(UserConnection connection, String message) {
        boolean added = message.startsWith(CONTACT_ADDED);
        if (!added && !message.startsWith(CONTACT_REMOVED)) {
            return;
        }
        JsonNode contact = messages.read(message).path("contact").path("accountId");
        if (!contact.isString()) {
            return;
        }
        if (added) {
            follow(connection, contact.asString());
        }
        else {
            unfollow(connection, contact.asString());
        }
    }

    private void deliverPresence(String accountId, String message) {
        sockets.watching(accountId).forEach(connection -> connection.outbound().send(message));
    }

    private static CloseCode closeCode(int code) {
        return Arrays.stream(CloseCode.values())
            .filter(candidate -> candidate.code() == code)
            .findFirst()
            .orElse(CloseCode.BAD_TOKEN);
    }

}
