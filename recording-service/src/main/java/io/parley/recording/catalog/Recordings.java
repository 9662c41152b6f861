package io.parley.recording.catalog;

import java.time.Instant;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The catalogue's reads and the event-driven writes. Both writes are idempotent and
 * commute: a redelivered start or stop changes nothing, and a stop that arrives before
 * its start still leaves the recording to be processed, with the start filling in who may
 * read it.
 */
@Component
public class Recordings {

    static final String COLUMNS = "recording_id, meeting_id, state, started_at, stopped_at, host_participant_id, "
            + "host_account_id, org_id, duration_seconds, failure_reason";

    private final DatabaseClient db;

    public Recordings(DatabaseClient db) {
        this.db = db;
    }

    /** Recording started: a new row in state {@code recording}. */
    public Mono<Void> started(String recordingId, String meetingId, Instant startedAt, String hostParticipantId,
            String hostAccountId, String orgId, Integer maxSeconds) {
        return db
            .sql("insert into recording (recording_id, meeting_id, state, started_at, host_participant_id, "
                    + "host_account_id, org_id, max_seconds) values (:id, :meeting, 'recording', :started, :host, "
                    + ":account, :org, :max) on conflict (recording_id) do update set "
                    + "host_participant_id = coalesce(recording.host_participant_id, excluded.host_participant_id), "
                    + "host_account_id = coalesce(recording.host_account_id, excluded.host_account_id), "
                    + "org_id = coalesce(recording.org_id, excluded.org_id), "
                    + "max_seconds = coalesce(recording.max_seconds, excluded.max_seconds)")
            .bind("id", recordingId)
            .bind("meeting", meetingId)
            .bind("started", startedAt)
            .bind("host", Parameter.fromOrEmpty(hostParticipantId, String.class))
            .bind("account", Parameter.fromOrEmpty(hostAccountId, String.class))
            .bind("org", Parameter.fromOrEmpty(orgId, String.class))
            .bind("max", Parameter.fromOrEmpty(maxSeconds, Integer.class))
            .then();
    }

    /**
     * Recording stopped: {@code recording} becomes {@code processing} (a job); a later
     * state is left alone.
     */
    public Mono<Void> stopped(String recordingId, String meetingId, Instant startedAt, Instant stoppedAt,
            String reason) {
        return db.sql("insert into recording (recording_id, meeting_id, state, started_at, stopped_at, stop_reason) "
                + "values (:id, :meeting, 'processing', :started, :stopped, :reason) on conflict (recording_id) do "
                + "update set state = case when recording.state = 'recording' then 'processing' else recording.state "
                + "end, stopped_at = coalesce(recording.stopped_at, excluded.stopped_at), "
                + "stop_reason = coalesce(recording.stop_reason, excluded.stop_reason)")
            .bind("id", recordingId)
            .bind("meeting", meetingId)
            .bind("started", startedAt)
            .bind("stopped", stoppedAt)
            .bind("reason", Parameter.fromOrEmpty(reason, String.class))
            .then();
    }

    public Mono<Recording> find(String recordingId) {
        return db.sql("select " + COLUMNS + " from recording where recording_id = :id")
            .bind("id", recordingId)
            .map(Recordings::recording)
            .one();
    }

    public Flux<Recording> ofMeeting(String meetingId) {
        return db.sql("select " + COLUMNS + " from recording where meeting_id = :meeting order by started_at desc")
            .bind("meeting", meetingId)
            .map(Recordings::recording)
            .all();
    }

    /**
     * What an account may read: recordings it hosted, and those of the organizations it
     * owns or administers; newest first, at most {@code limit}.
     */
    public Flux<Recording> readableBy(String accountId, Collection<String> adminOrgs, int limit) {
        return db
            .sql("select " + COLUMNS + " from recording where host_account_id = :account or org_id = any(:orgs) "
                    + "order by started_at desc limit :limit")
            .bind("account", accountId)
            .bind("orgs", adminOrgs.toArray(String[]::new))
            .bind("limit", limit)
            .map(Recordings::recording)
            .all();
    }

    public Mono<Boolean> delete(String recordingId) {
        return db.sql("delete from recording where recording_id = :id")
            .bind("id", recordingId)
            .fetch()
            .rowsUpdated()
            .map(rows -> rows > 0);
    }

    /** Recordings started before {@code before}, oldest first, at most {@code limit}. */
    public Flux<String> startedBefore(Instant before, int limit) {
        return db.sql("select recording_id from recording where started_at < :before order by started_at limit :limit")
            .bind("before", before)
            .bind("limit", limit)
            .map(row -> row.get("recording_id", String.class))
            .all();
    }

    static Recording recording(Readable row) {
        return new Recording(row.get("recording_id", String.class), row.get("meeting_id", String.class),
                RecordingState.of(row.get("state", String.class)), row.get("started_at", Instant.class),
                row.get("stopped_at", Instant.class), row.get("host_participant_id", String.class),
                row.get("host_account_id", String.class), row.get("org_id", String.class),
                row.get("duration_seconds", Double.class), row.get("failure_reason", String.class));
    }

}
