package io.parley.recording;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.parley.recording.catalog.RecordingState;
import org.springframework.stereotype.Component;

/**
 * Every metric recording-service adds to Spring Boot's own, named as Prometheus shows
 * them; docs/recording.md lists them. The counts by state and the backlog come from
 * PostgreSQL (refreshed by {@link io.parley.recording.catalog.StateCounts}), so every
 * instance reports the same numbers: take the max, not the sum, across instances.
 */
@Component
public class RecordingMetrics {

    private final Map<RecordingState, AtomicLong> byState = new ConcurrentHashMap<>();

    private final AtomicLong backlog = new AtomicLong();

    private final AtomicLong oldestWaitSeconds = new AtomicLong();

    private final Timer processing;

    private final Counter processed;

    private final MeterRegistry registry;

    private final Counter deletedByRetention;

    private final Counter deletedByHost;

    public RecordingMetrics(MeterRegistry registry) {
        this.registry = registry;
        // parley_recordings{state}
        for (RecordingState state : RecordingState.values()) {
            AtomicLong value = new AtomicLong();
            byState.put(state, value);
            Gauge.builder("parley.recordings", value, AtomicLong::get)
                .description("Recordings in the catalogue, by state")
                .tag("state", state.value())
                .register(registry);
        }
        // parley_recordings_backlog: jobs waiting for a worker (stopped, not being
        // processed)
        Gauge.builder("parley.recordings.backlog", backlog, AtomicLong::get)
            .description("Recordings stopped and waiting for a worker")
            .register(registry);
        // parley_recordings_backlog_oldest_seconds
        Gauge.builder("parley.recordings.backlog.oldest", oldestWaitSeconds, AtomicLong::get)
            .description("How long the oldest waiting recording has been stopped")
            .baseUnit("seconds")
            .register(registry);
        // parley_recordings_processing_seconds: one job, from claim to ready
        processing = Timer.builder("parley.recordings.processing")
            .description("Processing time of one recording (janus-pp-rec, ffmpeg, ffprobe)")
            // buckets for the dashboard's p50/p95: jobs take minutes, past the default
            // buckets' 30 s
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofHours(2))
            .register(registry);
        // parley_recordings_processed_total
        processed = Counter.builder("parley.recordings.processed")
            .description("Recordings this instance turned ready")
            .register(registry);
        // parley_recordings_deleted_total{by}
        deletedByRetention = deleted("retention");
        deletedByHost = deleted("request");
    }

    private Counter deleted(String by) {
        return Counter.builder("parley.recordings.deleted")
            .description("Recordings deleted, with their files")
            .tag("by", by)
            .register(registry);
    }

    public void counts(Map<RecordingState, Long> counts, long waiting, Duration oldestWait) {
        byState.forEach((state, value) -> value.set(counts.getOrDefault(state, 0L)));
        backlog.set(waiting);
        oldestWaitSeconds.set(oldestWait.toSeconds());
    }

    public void processed(Duration took) {
        processing.record(took);
        processed.increment();
    }

    /**
     * parley_recordings_failures_total{reason}: an attempt failed ({@code attempt}), a
     * recording was given up ({@code gave-up}) or no worker had its capture
     * ({@code no-capture}).
     */
    public void failed(String reason, long count) {
        Counter.builder("parley.recordings.failures")
            .description("Processing failures: attempts that failed, recordings given up")
            .tag("reason", reason)
            .register(registry)
            .increment(count);
    }

    public void deletedByRetention(long count) {
        deletedByRetention.increment(count);
    }

    public void deletedByRequest() {
        deletedByHost.increment();
    }

}
