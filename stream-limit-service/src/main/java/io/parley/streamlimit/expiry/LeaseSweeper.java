package io.parley.streamlimit.expiry;

import java.time.Duration;

import io.parley.streamlimit.StreamLimitProperties;
import io.parley.streamlimit.StreamMetrics;
import io.parley.streamlimit.lease.StreamLeases;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reports leases that ran out. The scripts already stop counting an expired lease the
 * moment its time is up; this finds the users nobody called since (through the index of
 * users by earliest expiry), removes their expired leases and emits {@code lease-expired}
 * for each, and refreshes the active-leases gauge.
 *
 * <p>
 * Every instance sweeps, without a lock: removing a lease is one atomic script, so each
 * expired lease is removed — and reported — by exactly one sweeper (or by the start that
 * found it expired first).
 */
@Component
class LeaseSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(LeaseSweeper.class);

    private static final int CONCURRENT_USERS = 16;

    private final StreamLeases leases;

    private final StreamMetrics metrics;

    private final Duration interval;

    private final int batchSize;

    LeaseSweeper(StreamLeases leases, StreamMetrics metrics, StreamLimitProperties properties) {
        super(properties.sweeper().interval(), properties.sweeper().interval());
        this.leases = leases;
        this.metrics = metrics;
        this.interval = properties.sweeper().interval();
        this.batchSize = properties.sweeper().batchSize();
    }

    /** One pass: the users due now (up to the batch size), each swept, then the gauge. */
    Mono<Integer> sweepOnce() {
        return leases.dueUsers(batchSize)
            .flatMapMany(Flux::fromIterable)
            .flatMap(leases::sweep, CONCURRENT_USERS)
            .reduce(0, Integer::sum)
            .flatMap(expired -> leases.activeLeaseCount().doOnNext(metrics::activeLeases).thenReturn(expired));
    }

    @Override
    protected Mono<Integer> runOnce() {
        return sweepOnce();
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Lease sweep failed, next in {}: {}", interval, error.toString());
    }

}
