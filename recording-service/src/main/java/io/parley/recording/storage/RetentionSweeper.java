package io.parley.recording.storage;

import java.time.Clock;
import java.time.Duration;

import io.parley.recording.RecordingMetrics;
import io.parley.recording.RecordingProperties;
import io.parley.recording.catalog.Recordings;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Deletes recordings older than {@code parley.recordings.retention} (counted from their
 * start), files first and then the row, so a crash in between leaves a row whose deletion
 * is simply done again.
 */
@Component
class RetentionSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

    private static final int BATCH = 100;

    private final Recordings recordings;

    private final RecordingStorage storage;

    private final RecordingMetrics metrics;

    private final Duration retention;

    private final Clock clock;

    RetentionSweeper(Recordings recordings, RecordingStorage storage, RecordingMetrics metrics,
            RecordingProperties properties, Clock clock) {
        super(Duration.ofSeconds(5), properties.sweepInterval());
        this.recordings = recordings;
        this.storage = storage;
        this.metrics = metrics;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce() {
        return recordings.startedBefore(clock.instant().minus(retention), BATCH)
            .concatMap(id -> Mono.fromRunnable(() -> storage.delete(id))
                .subscribeOn(Schedulers.boundedElastic())
                .then(recordings.delete(id)))
            .filter(Boolean::booleanValue)
            .count()
            .doOnNext(deleted -> {
                if (deleted > 0) {
                    metrics.deletedByRetention(deleted);
                    log.info("Deleted {} recordings past their retention of {}", deleted, retention);
                }
            });
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Deleting old recordings failed (next run in the next sweep): {}", error.toString());
    }

}
