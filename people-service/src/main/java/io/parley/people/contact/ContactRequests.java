package io.parley.people.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.events.EventType;
import io.parley.people.account.AccountStore;
import io.parley.people.event.Outbox;
import io.parley.people.message.Conversations;
import io.parley.people.web.Inputs;
import io.parley.people.web.PeopleProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Asking to become contacts, and answering (PEOPLE.md §3). Asking by email answers the
 * same whatever happens, so nobody learns from it who has an account or who blocked them:
 * the request is kept either way, and the addressee hears of it only when the address is
 * an account's and neither blocked the other.
 */
@Component
class ContactRequests {

    private final RequestStore requests;

    private final ContactStore contacts;

    private final AccountStore accounts;

    private final Conversations conversations;

    private final Outbox outbox;

    private final TransactionalOperator transaction;

    private final Clock clock;

    ContactRequests(RequestStore requests, ContactStore contacts, AccountStore accounts, Conversations conversations,
            Outbox outbox, TransactionalOperator transaction, Clock clock) {
        this.requests = requests;
        this.contacts = contacts;
        this.accounts = accounts;
        this.conversations = conversations;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    record Requests(List<RequestStore.Incoming> incoming, List<RequestStore.Outgoing> outgoing) {
    }

    /** A new contact: its id and the other person. */
    record Added(UUID contactId, Party contact) {
    }

    /**
     * Records the request. When the addressee asked me already, we both want it: the
     * contact is made at once. Asking someone who already is a contact, or again, changes
     * nothing.
     */
    Mono<Void> request(UUID me, String email) {
        Instant now = now();
        return accounts.byId(me)
            .switchIfEmpty(Mono.error(() -> PeopleProblem.unauthorized("This account no longer exists.")))
            .flatMap(asker -> {
                if (Inputs.emailKey(asker.email()).equals(Inputs.emailKey(email))) {
                    return Mono.error(PeopleProblem.invalid("email", "That is your own address."));
                }
                return accounts.byEmail(email)
                    .flatMap(addressee -> toAccount(me, addressee.id(), email, now).thenReturn(true))
                    .switchIfEmpty(Mono.defer(() -> store(me, email, now)));
            })
            .then()
            .as(transaction::transactional);
    }

    private Mono<Void> toAccount(UUID me, UUID addressee, String email, Instant now) {
        Mono<Void> ask = contacts.hasBlocked(addressee, me)
            // blocked: kept like any request, so that it looks like one, and never shown
            // (see RequestStore.incoming)
            .flatMap(blockedMe -> blockedMe ? store(me, email, now).then()
                    : requests.between(addressee, me)
                        .flatMap(theirs -> connect(me, addressee, now).thenReturn(true))
                        .switchIfEmpty(Mono.defer(() -> askAnew(me, addressee, email, now).thenReturn(true)))
                        .then());
        return contacts.hasBlocked(me, addressee)
            .flatMap(iBlocked -> iBlocked
                    ? Mono.error(PeopleProblem.conflict("blocked", "You blocked this person; unblock them first."))
                    : contacts.between(me, addressee).hasElement())
            .flatMap(already -> already ? Mono.empty() : ask);
    }

    /**
     * A request not made before is announced to the addressee's devices; a repeated one
     * is not.
     */
    private Mono<Void> askAnew(UUID me, UUID addressee, String email, Instant now) {
        UUID requestId = UUID.randomUUID();
        return requests.insert(requestId, me, email, Inputs.emailKey(email), now)
            .flatMap(inserted -> !inserted ? Mono.empty()
                    : contacts.party(me)
                        .flatMap(from -> outbox.appendFor(addressee, EventType.CONTACT_REQUESTED,
                                Map.of("requestId", requestId, "from", from, "createdAt", now))));
    }

    private Mono<Boolean> store(UUID me, String email, Instant now) {
        return requests.insert(UUID.randomUUID(), me, email, Inputs.emailKey(email), now);
    }

    Mono<Requests> list(UUID me) {
        return requests.incoming(me).collectList().zipWith(requests.outgoing(me).collectList(), Requests::new);
    }

    /**
     * Only the person asked may accept; the contact is made, both people's devices hear
     * of it.
     */
    Mono<Added> accept(UUID me, UUID requestId) {
        return addressed(me, requestId)
            .flatMap(request -> contacts.blockedEitherWay(me, request.from())
                .flatMap(blocked -> blocked ? Mono.error(unknown()) : connect(me, request.from(), now())))
            .as(transaction::transactional);
    }

    Mono<Void> decline(UUID me, UUID requestId) {
        return addressed(me, requestId).flatMap(request -> requests.delete(request.id()))
            .then()
            .as(transaction::transactional);
    }

    private Mono<RequestStore.Request> addressed(UUID me, UUID requestId) {
        return requests.lock(requestId)
            .switchIfEmpty(Mono.error(ContactRequests::unknown))
            .flatMap(request -> me.equals(request.to()) ? Mono.just(request) : Mono
                .error(PeopleProblem.forbidden("not-addressee", "Only the person asked answers a contact request.")));
    }

    /**
     * Makes the two contacts (once: the unique pair decides), opens their conversation,
     * drops what either asked of the other, and tells both. Two accepts at the same
     * moment make one contact, and the second answers it too.
     */
    private Mono<Added> connect(UUID me, UUID other, Instant now) {
        UUID contactId = UUID.randomUUID();
        return requests.deleteBetween(me, other)
            .then(contacts.insert(contactId, other, me, now))
            .flatMap(inserted -> inserted ? conversations.open(contactId, other, me)
                .then(added(contactId, me, other))
                .then(added(contactId, other, me))
                .thenReturn(contactId) : contacts.between(me, other))
            .flatMap(id -> contacts.party(other).map(party -> new Added(id, party)));
    }

    private Mono<Void> added(UUID contactId, UUID recipient, UUID other) {
        return contacts.party(other)
            .flatMap(party -> outbox.appendFor(recipient, EventType.CONTACT_ADDED,
                    Map.of("contactId", contactId, "contact", party)));
    }

    private static PeopleProblem unknown() {
        return PeopleProblem.notFound("No such contact request.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
