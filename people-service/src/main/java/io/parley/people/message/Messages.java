package io.parley.people.message;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.people.PeopleMetrics;
import io.parley.people.event.Outbox;
import io.parley.people.web.PeopleProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Sending, paging through and reading direct messages (PEOPLE.md §3, §4). */
@Component
class Messages {

    private final MessageStore store;

    private final Conversations conversations;

    private final Outbox outbox;

    private final TransactionalOperator transaction;

    private final PeopleMetrics metrics;

    Messages(MessageStore store, Conversations conversations, Outbox outbox, TransactionalOperator transaction,
            PeopleMetrics metrics) {
        this.store = store;
        this.conversations = conversations;
        this.outbox = outbox;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    /**
     * A send's answer: the stored message, and whether it was stored by an earlier send
     * with the same id.
     */
    record Sent(Message message, boolean repeated) {
    }

    record Page(List<Message> messages, String next) {
    }

    /**
     * Stores the message unless this sender already stored one with this
     * {@code clientMessageId}, which is then the answer: a client that lost the answer to
     * a send retries it and never makes a second message. The lookup runs under the
     * conversation's lock, so two copies of one send sent at once store one message
     * between them. The answer comes after the commit.
     */
    Mono<Sent> send(UUID me, UUID contactId, String clientMessageId, String text) {
        return store.lock(contactId, me)
            .switchIfEmpty(Mono.error(Conversations::notContact))
            .flatMap(conversation -> store.byClientId(me, clientMessageId)
                .map(stored -> repeated(stored, contactId))
                .switchIfEmpty(Mono.defer(() -> conversations.appendText(conversation, clientMessageId, text)
                    .map(message -> new Sent(message, false)))))
            .as(transaction::transactional)
            // the same id sent to another conversation at the same moment: the unique key
            // refuses the second
            .onErrorMap(DuplicateKeyException.class, error -> clientIdTaken())
            .doOnNext(sent -> {
                if (!sent.repeated()) {
                    metrics.messageSent();
                }
            });
    }

    private static Sent repeated(MessageStore.Stored stored, UUID contactId) {
        if (!stored.contactId().equals(contactId)) {
            throw clientIdTaken();
        }
        return new Sent(stored.message(), true);
    }

    Mono<Page> history(UUID me, UUID contactId, Long beforeSeq, int limit) {
        return store.find(contactId, me)
            .switchIfEmpty(Mono.error(Conversations::notContact))
            .flatMapMany(conversation -> store.page(contactId, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit))
            .collectList()
            .map(messages -> new Page(messages, next(contactId, messages, limit)));
    }

    /**
     * Sequence numbers have no gaps, so a full page whose oldest message is not the first
     * has more below it.
     */
    private static String next(UUID contactId, List<Message> page, int limit) {
        if (page.size() < limit || page.get(page.size() - 1).seq() <= 1) {
            return null;
        }
        return HistoryCursor.encode(contactId, page.get(page.size() - 1).seq());
    }

    /**
     * Moves my read marker up to the message, never back, and tells my devices the new
     * count ({@code messages-read}, to me only: the other person is not told how far I
     * read).
     */
    Mono<Void> read(UUID me, UUID contactId, UUID upTo) {
        return store.lock(contactId, me)
            .switchIfEmpty(Mono.error(Conversations::notContact))
            .flatMap(conversation -> store.seqOf(contactId, upTo)
                .switchIfEmpty(Mono.error(
                        () -> PeopleProblem.invalid("upTo", "upTo must be the id of a message in this conversation.")))
                .flatMap(seq -> store.marker(contactId, me)
                    .flatMap(marker -> ReadMarkers.afterRead(marker, seq).isEmpty() ? Mono.empty()
                            : store.setMarker(contactId, me, seq)
                                .then(outbox.appendFor(me, EventType.MESSAGES_READ,
                                        Map.of("contactId", contactId, "readUpTo", seq, "unread",
                                                ReadMarkers.unread(conversation.lastSeq(), seq)))))))
            .as(transaction::transactional);
    }

    private static PeopleProblem clientIdTaken() {
        return PeopleProblem.conflict("client-message-id-taken",
                "You used this clientMessageId for a message in another conversation; make a new one per message.");
    }

}
