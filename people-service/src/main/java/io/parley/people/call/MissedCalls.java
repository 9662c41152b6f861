package io.parley.people.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.parley.people.PeopleMetrics;
import io.parley.people.PeopleProperties;
import io.parley.people.call.CallStore.Call;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends calls by time: a call nobody answered within {@code ring-timeout} is missed (its
 * entry raises the callee's unread count), an answered call older than
 * {@code max-duration} is ended. Each is a conditional update on rows locked with
 * {@code SKIP LOCKED}, in one transaction with the entries and events, so several
 * instances sweep side by side and a call that was answered in the meantime is left
 * alone.
 */
@Component
class MissedCalls extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(MissedCalls.class);

    private static final int BATCH = 100;

    private final CallStore store;

    private final CallRecords records;

    private final TransactionalOperator transaction;

    private final PeopleMetrics metrics;

    private final Duration maxDuration;

    private final Clock clock;

    MissedCalls(CallStore store, CallRecords records, TransactionalOperator transaction, PeopleMetrics metrics,
            PeopleProperties properties, Clock clock) {
        super(properties.calls().sweepInterval(), properties.calls().sweepInterval());
        this.store = store;
        this.records = records;
        this.transaction = transaction;
        this.metrics = metrics;
        this.maxDuration = properties.calls().maxDuration();
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce() {
        return sweepOnce();
    }

    /** One batch of each; how many calls ended. */
    Mono<Long> sweepOnce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Flux<Call> ended = store.missRinging(now, BATCH)
            .concatWith(store.endAnsweredBefore(now.minus(maxDuration), now, BATCH))
            .concatMap(call -> records.ended(call).thenReturn(call));
        return transaction.transactional(ended.collectList()).map(calls -> {
            calls.forEach(call -> metrics.callEnded(call.state().value()));
            return (long) calls.size();
        });
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Ending unanswered calls failed (the next run tries again): {}", error.toString());
    }

}
