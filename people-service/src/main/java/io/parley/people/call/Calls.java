package io.parley.people.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.parley.people.PeopleMetrics;
import io.parley.people.PeopleProperties;
import io.parley.people.call.CallStore.Call;
import io.parley.people.call.CallStore.Pair;
import io.parley.people.web.PeopleProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Calling a contact, answering, declining, hanging up (PEOPLE.md §5). A change and what
 * it leaves behind (events, history entry) are one transaction; the request to
 * meeting-service that a start or an answer needs runs inside it, so when meeting-service
 * fails nothing is stored, and the row locks taken first make concurrent starts between
 * the same two people, and concurrent answers to one call, take turns.
 */
@Component
class Calls {

    private final CallStore store;

    private final CallRecords records;

    private final MeetingRooms rooms;

    private final TransactionalOperator transaction;

    private final PeopleProperties.Calls settings;

    private final PeopleMetrics metrics;

    private final Clock clock;

    Calls(CallStore store, CallRecords records, MeetingRooms rooms, TransactionalOperator transaction,
            PeopleProperties properties, PeopleMetrics metrics, Clock clock) {
        this.store = store;
        this.records = records;
        this.rooms = rooms;
        this.transaction = transaction;
        this.settings = properties.calls();
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * What starting a call came to; {@code token} is the caller's join token, null when
     * the callee was busy. {@code ended}: the calls this start ended (the busy attempt
     * itself, a call of mine it replaced), for the metrics.
     */
    record Started(Call call, String token, List<Call> ended) {
    }

    /** The callee's way into the answered call's meeting. */
    record Answer(String meetingId, String token) {
    }

    record RingingList(List<CallStore.Ringing> calls) {
    }

    /**
     * Rings the contact. If they are calling me right now, my call is their answer: I
     * join their meeting and their call is answered. A call of mine still ringing for
     * them is cancelled first (a page reload lost its meeting). A callee in another call
     * gets a {@code busy} call instead, stored with its history entry.
     */
    Mono<Started> start(UUID me, UUID contactId, String accessToken) {
        Instant now = now();
        return store.lockContact(contactId, me)
            .switchIfEmpty(Mono
                .error(() -> PeopleProblem.forbidden("not-contact", "You can only write to and call your contacts.")))
            .flatMap(pair -> store.ringingFrom(contactId, pair.other())
                .filter(theirs -> now.isBefore(theirs.ringExpiresAt()))
                .next()
                .flatMap(theirs -> store.transition(theirs.id(),
                        new CallRules.Transition(CallState.RINGING, CallState.ANSWERED), now))
                .flatMap(theirs -> answerWith(theirs, accessToken))
                .switchIfEmpty(Mono.defer(() -> ring(pair, accessToken, now))))
            .as(transaction::transactional)
            .doOnNext(started -> started.ended().forEach(call -> metrics.callEnded(call.state().value())));
    }

    private Mono<Started> ring(Pair pair, String accessToken, Instant now) {
        return store.startedSince(pair.me(), pair.other(), now.minus(Duration.ofMinutes(1)))
            .collectList()
            .flatMap(recent -> CallRules.ringWait(recent, settings.ringsPerMinute(), now)
                .map(wait -> Mono.<Boolean>error(PeopleProblem.tooMany("You called this contact "
                        + settings.ringsPerMinute() + " times within a minute; wait a little.", wait)))
                .orElseGet(() -> store.inCall(pair.other())))
            .flatMap(busy -> busy ? busy(pair, now) : newCall(pair, accessToken, now));
    }

    private Mono<Started> busy(Pair pair, Instant now) {
        Call call = new Call(UUID.randomUUID(), pair.contactId(), pair.me(), pair.other(), null, CallState.BUSY, now,
                now, null, now);
        return store.insert(call).then(records.ended(call)).thenReturn(new Started(call, null, List.of(call)));
    }

    private Mono<Started> newCall(Pair pair, String accessToken, Instant now) {
        return store.ringingFrom(pair.contactId(), pair.me())
            .concatMap(mine -> stop(mine, CallRules.Party.CALLER, now))
            .collectList()
            .flatMap(replaced -> rooms.open(accessToken, pair.other()).flatMap(room -> {
                Call ringing = new Call(UUID.randomUUID(), pair.contactId(), pair.me(), pair.other(), room.meetingId(),
                        CallState.RINGING, now, now.plus(settings.ringTimeout()), null, null);
                return store.insert(ringing)
                    .then(records.ringing(ringing))
                    .thenReturn(new Started(ringing, room.token(), replaced));
            }));
    }

    /**
     * The first answer wins: the conditional update lets one through, the others get 409.
     */
    Mono<Answer> answer(UUID me, UUID callId, String accessToken) {
        Instant now = now();
        return mine(callId, me)
            .flatMap(call -> store.transition(callId,
                    CallRules.answer(call.state(), call.party(me), call.ringExpiresAt(), now), now))
            .switchIfEmpty(Mono.error(CallRules::notRinging))
            .flatMap(answered -> answerWith(answered, accessToken))
            .as(transaction::transactional)
            .map(started -> new Answer(started.call().meetingId(), started.token()));
    }

    private Mono<Started> answerWith(Call answered, String accessToken) {
        return rooms.join(answered.meetingId(), accessToken)
            .flatMap(token -> records.answered(answered).thenReturn(new Started(answered, token, List.of())));
    }

    Mono<Void> decline(UUID me, UUID callId) {
        Instant now = now();
        return mine(callId, me)
            .flatMap(call -> store.transition(callId,
                    CallRules.decline(call.state(), call.party(me), call.ringExpiresAt(), now), now))
            .switchIfEmpty(Mono.error(CallRules::notRinging))
            .flatMap(declined -> records.ended(declined).thenReturn(declined))
            .as(transaction::transactional)
            .doOnNext(declined -> metrics.callEnded(declined.state().value()))
            .then();
    }

    /**
     * Cancel, decline or hang up, whichever the call's state makes it; a call that is
     * over already stays so.
     */
    Mono<Void> hangUp(UUID me, UUID callId) {
        Instant now = now();
        return mine(callId, me).flatMap(call -> stop(call, call.party(me), now))
            .as(transaction::transactional)
            .doOnNext(stopped -> metrics.callEnded(stopped.state().value()))
            .then();
    }

    /**
     * Stops the call as {@code party}; when another change came first (answered
     * meanwhile, say), decides again on the state it left. The number of states bounds
     * the retries.
     */
    private Mono<Call> stop(Call call, CallRules.Party party, Instant now) {
        return Mono.justOrEmpty(CallRules.stop(call.state(), party))
            .flatMap(transition -> store.transition(call.id(), transition, now)
                .flatMap(stopped -> records.ended(stopped).thenReturn(stopped))
                .switchIfEmpty(Mono.defer(() -> store.find(call.id()).flatMap(changed -> stop(changed, party, now)))));
    }

    Mono<RingingList> ringing(UUID me) {
        return store.ringingFor(me, now()).collectList().map(RingingList::new);
    }

    /**
     * A call I am not part of is no business of mine: 404, as for one that does not
     * exist.
     */
    private Mono<Call> mine(UUID callId, UUID me) {
        return store.find(callId)
            .filter(call -> call.party(me) != null)
            .switchIfEmpty(Mono.error(() -> PeopleProblem.notFound("No such call of yours.")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
