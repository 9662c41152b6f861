package io.parley.quality.meeting;

import java.time.Instant;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who took part in which meeting, and which organization it belongs to, as
 * meeting-service's events tell it: what decides whether a signed-in person may read a
 * meeting's quality once their join token is gone, and whose trends its samples count in.
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

    /** Records the organization a meeting belongs to. */
    Mono<Void> organized(String meetingId, String orgId, Instant createdAt) {
        return db
            .sql("insert into quality_org_meeting (org_id, meeting_id, created_at) values ($1, $2, $3) "
                    + "on conflict do nothing")
            .bind(0, orgId)
            .bind(1, meetingId)
            .bind(2, createdAt)
            .then();
    }

    /**
     * Whether the account hosted or joined the meeting, or the meeting belongs to one of
     * the organizations it owns or administers ({@code adminOrgs}).
     */
    public Mono<Boolean> mayRead(String meetingId, String accountId, List<String> adminOrgs) {
        return db
            .sql("select exists (select 1 from quality_participant where meeting_id = $1 and user_id = $2) "
                    + "or exists (select 1 from quality_org_meeting where meeting_id = $1 and org_id = any($3))")
            .bind(0, meetingId)
            .bind(1, accountId)
            .bind(2, adminOrgs.toArray(String[]::new))
            .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
            .one();
    }

    /** Forgets who joined, and which organization had meetings, before the cutoff. */
    Mono<Long> forgetBefore(Instant cutoff) {
        return db.sql("delete from quality_participant where joined_at < $1")
            .bind(0, cutoff)
            .fetch()
            .rowsUpdated()
            .concatWith(db.sql("delete from quality_org_meeting where created_at < $1")
                .bind(0, cutoff)
                .fetch()
                .rowsUpdated())
            .reduce(Long::sum);
    }

}
