package io.parley.people.contact;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.people.event.Outbox;
import io.parley.people.web.PeopleProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * My contacts, ending one, and blocking (PEOPLE.md §3). Ending a contact deletes its
 * conversation: the history stays readable to neither person. Blocking ends the contact
 * too, and from then on the blocked person is a stranger who cannot tell: their requests
 * are answered 202 and go nowhere, their messages and calls are 403 like anyone's.
 */
@Component
public class Contacts {

    private final ContactStore contacts;

    private final RequestStore requests;

    private final List<ContactEnding> endings;

    private final Outbox outbox;

    private final TransactionalOperator transaction;

    private final Clock clock;

    Contacts(ContactStore contacts, RequestStore requests, List<ContactEnding> endings, Outbox outbox,
            TransactionalOperator transaction, Clock clock) {
        this.contacts = contacts;
        this.requests = requests;
        this.endings = endings;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    record ContactList(List<ContactStore.Listed> contacts) {
    }

    record BlockList(List<ContactStore.Blocked> blocks) {
    }

    Mono<ContactList> list(UUID me) {
        return contacts.list(me).collectList().map(ContactList::new);
    }

    /** Either of the two may end it; 404 when it is not (or no longer) one of mine. */
    Mono<Void> remove(UUID me, UUID contactId) {
        return contacts.lock(contactId, me)
            .switchIfEmpty(Mono.error(() -> PeopleProblem.notFound("No such contact of yours.")))
            .flatMap(seen -> end(me, seen))
            .as(transaction::transactional);
    }

    /** Blocking again changes nothing; blocking someone unknown is 404, oneself 400. */
    Mono<Void> block(UUID me, UUID other) {
        if (me.equals(other)) {
            return Mono.error(PeopleProblem.invalid("accountId", "You cannot block yourself."));
        }
        return contacts.party(other)
            .switchIfEmpty(Mono.error(() -> PeopleProblem.notFound("No such account.")))
            .then(contacts.block(me, other, clock.instant().truncatedTo(ChronoUnit.MICROS)))
            .then(requests.deleteBetween(me, other))
            .then(contacts.between(me, other).flatMap(contactId -> contacts.lock(contactId, me)))
            .flatMap(seen -> end(me, seen))
            .as(transaction::transactional);
    }

    /**
     * What they asked while blocked was never shown and goes now, so that unblocking does
     * not bring old requests back; they are a stranger again, who may ask anew.
     */
    Mono<Void> unblock(UUID me, UUID other) {
        return contacts.unblock(me, other)
            .flatMap(unblocked -> unblocked ? requests.deleteBetween(me, other) : Mono.empty())
            .as(transaction::transactional);
    }

    Mono<BlockList> blocks(UUID me) {
        return contacts.blocks(me).collectList().map(BlockList::new);
    }

    /**
     * An account that is deleted ends all its contacts first, in the deletion's
     * transaction: each other person's devices learn that the contact (and any call with
     * it) is over. The account's own devices are signed out.
     */
    public Mono<Void> endAllOf(UUID accountId) {
        return contacts.lockAllOf(accountId)
            .concatMap(seen -> Flux.fromIterable(endings)
                .concatMap(ending -> ending.contactEnding(seen.contactId()))
                .then(contacts.delete(seen.contactId()))
                .then(removed(seen.other(), seen.contactId(), accountId)))
            .then();
    }

    private Mono<Void> end(UUID me, ContactStore.Seen seen) {
        UUID contactId = seen.contactId();
        return Flux.fromIterable(endings)
            .concatMap(ending -> ending.contactEnding(contactId))
            .then(contacts.delete(contactId))
            .then(removed(me, contactId, seen.other()))
            .then(removed(seen.other(), contactId, me));
    }

    private Mono<Void> removed(UUID recipient, UUID contactId, UUID other) {
        return outbox.appendFor(recipient, EventType.CONTACT_REMOVED,
                Map.of("contactId", contactId, "contact", Map.of("accountId", other)));
    }

}
