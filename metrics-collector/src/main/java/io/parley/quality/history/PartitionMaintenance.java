package io.parley.quality.history;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import io.parley.quality.QualityMetrics;
import io.parley.quality.QualityProperties;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the partitions of {@code quality_sample} as {@link PartitionPlan} says: soon
 * after start and then every {@code maintenance-interval}, creates the coming days'
 * partitions and drops those past the retention window. Every instance runs it; the
 * statements are idempotent, so two instances doing the same work do no harm. A run that
 * fails (PostgreSQL down) is logged and the next one tries again; the consumer creates a
 * missing day's partition itself, so a failed run never stops samples from being stored.
 */
@Component
public class PartitionMaintenance extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenance.class);

    private final Partitions partitions;

    private final PartitionPlan plan;

    private final QualityMetrics metrics;

    private final Clock clock;

    private final Duration interval;

    PartitionMaintenance(Partitions partitions, QualityMetrics metrics, QualityProperties properties, Clock clock) {
        super(Duration.ofSeconds(1), properties.maintenanceInterval());
        this.partitions = partitions;
        this.plan = new PartitionPlan(properties.retention(), properties.partitionsAhead());
        this.metrics = metrics;
        this.clock = clock;
        this.interval = properties.maintenanceInterval();
    }

    /** One run: what was created and dropped. */
    public Mono<PartitionPlan.Changes> maintain() {
        return partitions.existing()
            .map(existing -> plan.changes(clock.instant(), existing))
            .flatMap(changes -> Flux.fromIterable(changes.create())
                .concatMap(day -> partitions.create(day).doOnSuccess(done -> metrics.partitionCreated()))
                .thenMany(Flux.fromIterable(changes.drop()).concatMap(this::drop))
                .then(Mono.just(changes)));
    }

    private Mono<Void> drop(LocalDate day) {
        return partitions.drop(day).doOnSuccess(done -> {
            metrics.partitionDropped();
            log.info("Dropped the quality samples of {}: past the retention window", day);
        });
    }

    @Override
    protected Mono<?> runOnce() {
        return maintain();
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Maintaining the quality_sample partitions failed (next run in {}): {}", interval, error.toString());
    }

}
