package io.parley.recording.catalog;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.parley.recording.RecordingMetrics;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts recordings by state and the jobs waiting for a worker, for the metrics: from
 * PostgreSQL, so an alert on the backlog sees every worker's share.
 */
@Component
class StateCounts extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(StateCounts.class);

    private final DatabaseClient db;

    private final RecordingMetrics metrics;

    StateCounts(DatabaseClient db, RecordingMetrics metrics) {
        super(Duration.ofSeconds(1), Duration.ofSeconds(15));
        this.db = db;
        this.metrics = metrics;
    }

    @Override
    protected Mono<?> runOnce() {
        Mono<Map<RecordingState, Long>> byState = db.sql("select state, count(*) as n from recording group by state")
            .map(row -> Map.entry(RecordingState.of(row.get("state", String.class)), row.get("n", Long.class)))
            .all()
            .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(RecordingState.class));
        Mono<long[]> waiting = db
            .sql("select count(*) as n, coalesce(extract(epoch from now() - min(stopped_at)), 0) as oldest "
                    + "from recording where state = 'processing' and (lease_until is null or lease_until < now())")
            .map(row -> new long[] { row.get("n", Long.class), row.get("oldest", Number.class).longValue() })
            .one();
        return Mono.zip(byState, waiting)
            .doOnNext(
                    counts -> metrics.counts(counts.getT1(), counts.getT2()[0], Duration.ofSeconds(counts.getT2()[1])));
    }

    @Override
    protected void failed(Throwable error) {
        log.debug("Counting recordings failed: {}", error.toString());
    }

}
