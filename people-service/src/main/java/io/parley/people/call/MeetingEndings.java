package io.parley.people.call;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import io.parley.people.PeopleMetrics;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A call whose meeting ended on meeting-service (its host ended it) is over too: a
 * ringing one is cancelled, an answered one ended, with their entries and events as any
 * hang-up. Without it, both people would stay busy until someone hung up or
 * {@code max-duration} passed.
 */
@Component
public class MeetingEndings {

    private final CallStore store;

    private final CallRecords records;

    private final TransactionalOperator transaction;

    private final PeopleMetrics metrics;

    private final Clock clock;

    MeetingEndings(CallStore store, CallRecords records, TransactionalOperator transaction, PeopleMetrics metrics,
            Clock clock) {
        this.store = store;
        this.records = records;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Idempotent: a redelivered event finds the call over already and changes nothing.
     */
    public Mono<Void> meetingEnded(String meetingId) {
        return store.activeIn(meetingId)
            .concatMap(call -> store.transition(call.id(),
                    CallRules.stop(call.state(), CallRules.Party.CALLER).orElseThrow(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS)))
            .concatMap(ended -> records.ended(ended).thenReturn(ended))
            .collectList()
            .as(transaction::transactional)
            .doOnNext(ended -> ended.forEach(call -> metrics.callEnded(call.state().value())))
            .then();
    }

}
