package io.parley.people.message;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.people.event.Outbox;
import io.parley.people.message.MessageStore.Conversation;
import io.parley.people.web.PeopleProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Appends to a contact's conversation: text messages and the call entries that ended
 * calls leave behind. Each append runs in its caller's transaction, under the
 * conversation's lock: it takes the next sequence number, stores the message, moves the
 * read markers and puts a {@code message-sent} event for each of the two people into the
 * outbox, so the message is published exactly when it is committed.
 */
@Component
public class Conversations {

    private final MessageStore store;

    private final Outbox outbox;

    private final Clock clock;

    Conversations(MessageStore store, Outbox outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The empty conversation of a new contact, with both read markers at 0; in the
     * contact's transaction.
     */
    public Mono<Void> open(UUID contactId, UUID a, UUID b) {
        return store.open(contactId, a, b);
    }

    /**
     * The entry an ended call leaves in both people's history; its sender is the caller.
     * It is news to the callee (raises their unread count) unless they took part in the
     * ending: a call they declined or talked in.
     */
    public Mono<Message> appendCall(UUID contactId, UUID callerId, Message.CallEntry entry, boolean knownToCallee) {
        return store.lock(contactId, callerId)
            .switchIfEmpty(Mono.error(() -> new IllegalStateException("No conversation for contact " + contactId)))
            .flatMap(conversation -> append(conversation, null, null, entry, knownToCallee));
    }

    /**
     * A text message from {@code conversation.me()}, who holds the conversation's lock
     * already.
     */
    Mono<Message> appendText(Conversation conversation, String clientMessageId, String text) {
        return append(conversation, clientMessageId, text, null, false);
    }

    private Mono<Message> append(Conversation conversation, String clientMessageId, String text, Message.CallEntry call,
            boolean knownToRecipient) {
        UUID contactId = conversation.contactId();
        UUID sender = conversation.me();
        UUID recipient = conversation.other();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store.nextSeq(contactId).flatMap(seq -> {
            Message message = new Message(UUID.randomUUID(), clientMessageId, seq, sender,
                    call == null ? Message.TEXT : Message.CALL, text, call, now);
            return store.insert(contactId, message)
                .then(store.setMarker(contactId, sender, seq))
                .then(store.marker(contactId, recipient))
                .flatMap(marker -> {
                    long after = ReadMarkers.recipientAfter(marker, seq, knownToRecipient);
                    Mono<Void> move = after == marker ? Mono.empty() : store.setMarker(contactId, recipient, after);
                    return move.then(sent(contactId, sender, message, 0))
                        .then(sent(contactId, recipient, message, ReadMarkers.unread(seq, after)));
                })
                .thenReturn(message);
        });
    }

    private Mono<Void> sent(UUID contactId, UUID recipient, Message message, long unread) {
        return outbox.appendFor(recipient, EventType.MESSAGE_SENT,
                Map.of("contactId", contactId, "message", message, "unread", unread));
    }

    static PeopleProblem notContact() {
        return PeopleProblem.forbidden("not-contact", "You can only write to and call your contacts.");
    }

}
