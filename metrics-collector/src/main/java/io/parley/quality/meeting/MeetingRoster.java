package io.parley.quality.meeting;

import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who took part in which meeting, as meeting-service's events tell it: what decides
 * whether a signed-in person may read a meeting's quality once their join token is gone.
 * Every write is idempotent, so a redelivered event changes nothing.
 */
@Component
public class MeetingRoster {

    private final DatabaseClient db;

    MeetingRoster(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> joined(String meetingId, String participantId, String userId, String role, Instant joinedAt) {
        return db
            .sql("insert into quality_participant (meeting_id, participant_id, user_id, role, joined_at) "
                    + "values ($1, $2, $3, $4, $5) on conflict do nothing")
            .bind(0, meetingId)
            .bind(1, participantId)
            .bind(2, Parameter.fromOrEmpty(userId, String.class))
            .bind(3, role == null ? "participant" : role)
            .bind(4, joinedAt)
            .then();
    }

    /** Whether the account hosted or joined the meeting. */
    public Mono<Boolean> tookPart(String meetingId, String accountId) {
        return db.sql("select exists (select 1 from quality_participant where meeting_id = $1 and user_id = $2)")
            .bind(0, meetingId)
            .bind(1, accountId)
            .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
            .one();
    }

    /** Forgets who joined before the cutoff. */
    Mono<Long> forgetBefore(Instant cutoff) {
        return db.sql("delete from quality_participant where joined_at < $1").bind(0, cutoff).fetch().rowsUpdated();
    }

}
