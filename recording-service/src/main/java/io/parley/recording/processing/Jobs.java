package io.parley.recording.processing;

import java.time.Duration;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Processing jobs are the catalogue rows in state {@code processing}. A worker claims one
 * under a lease ({@code claim_id}, {@code lease_until}), renews it while working, and
 * every change it makes afterwards is guarded by its claim: a worker whose lease ran out
 * (killed, stalled) can no longer finish, fail or release the job another worker has
 * taken since, so each recording turns {@code ready} exactly once.
 */
@Component
class Jobs {

    private static final String FREE = "state = 'processing' and (lease_until is null or lease_until < now()) "
            + "and (not_before is null or not_before <= now())";

    private static final String MINE = "recording_id = :id and claim_id = :claim and state = 'processing'";

    private final DatabaseClient db;

    Jobs(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A claimed job; {@code attempts} counts this one. {@code recordedSeconds}: how long
     * the host had it recording, from the events (null when one is missing).
     */
    record Job(String recordingId, String claimId, int attempts, Double recordedSeconds) {
    }

    /** Jobs no worker holds, longest waiting first. */
    Flux<String> waiting(int limit) {
        return db.sql("select recording_id from recording where " + FREE + " order by stopped_at limit :limit")
            .bind("limit", limit)
            .map(row -> row.get("recording_id", String.class))
            .all();
    }

    /**
     * Claims the longest waiting of {@code candidates} still free; empty when other
     * workers took them all. {@code skip locked}: two workers never wait for each other.
     */
    Mono<Job> claim(List<String> candidates, String claimId, Duration lease) {
        return db
            .sql("update recording set claim_id = :claim, lease_until = now() + make_interval(secs => :lease), "
                    + "attempts = attempts + 1 where recording_id = (select recording_id from recording where "
                    + "recording_id = any(:ids) and " + FREE
                    + " order by stopped_at limit 1 for update skip locked) returning recording_id, attempts, "
                    + "extract(epoch from (stopped_at - started_at))::float8 as recorded_seconds")
            .bind("claim", claimId)
            .bind("lease", seconds(lease))
            .bind("ids", candidates.toArray(String[]::new))
            .map(row -> new Job(row.get("recording_id", String.class), claimId, row.get("attempts", Integer.class),
                    row.get("recorded_seconds", Double.class)))
            .one();
    }

    /** False when the job is no longer this claim's (taken over, or deleted). */
    Mono<Boolean> renew(Job job, Duration lease) {
        return guarded("update recording set lease_until = now() + make_interval(secs => :value) where " + MINE, job,
                Double.valueOf(seconds(lease)));
    }

    Mono<Boolean> finish(Job job, double durationSeconds) {
        return guarded("update recording set state = 'ready', duration_seconds = :value, processed_at = now(), "
                + "claim_id = null, lease_until = null where " + MINE, job, Double.valueOf(durationSeconds));
    }

    /** Gives the job back, to be tried again after {@code delay}. */
    Mono<Boolean> retryLater(Job job, Duration delay) {
        return guarded(
                "update recording set claim_id = null, lease_until = null, "
                        + "not_before = now() + make_interval(secs => :value) where " + MINE,
                job, Double.valueOf(seconds(delay)));
    }

    Mono<Boolean> fail(Job job, String reason) {
        return db
            .sql("update recording set state = 'failed', failure_reason = :reason, claim_id = null, "
                    + "lease_until = null where " + MINE)
            .bind("reason", reason)
            .bind("id", job.recordingId())
            .bind("claim", job.claimId())
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    }

    /**
     * Fails the jobs no worker ever claimed within {@code timeout} of their stop: no
     * worker has their capture folder.
     */
    Mono<Long> failUnclaimed(Duration timeout, String reason) {
        return db
            .sql("update recording set state = 'failed', failure_reason = :reason where state = 'processing' "
                    + "and attempts = 0 and claim_id is null and stopped_at < now() - make_interval(secs => :timeout)")
            .bind("reason", reason)
            .bind("timeout", seconds(timeout))
            .fetch()
            .rowsUpdated();
    }

    Mono<Boolean> exists(String recordingId) {
        return db.sql("select 1 from recording where recording_id = :id")
            .bind("id", recordingId)
            .fetch()
            .first()
            .hasElement();
    }

    private Mono<Boolean> guarded(String sql, Job job, Double value) {
        return db.sql(sql)
            .bind("value", value)
            .bind("id", job.recordingId())
            .bind("claim", job.claimId())
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

}
