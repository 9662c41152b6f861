package io.parley.people.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The meetings people took part in, as meeting-service's events tell them. Every write is
 * idempotent (a redelivered event changes nothing), and a participant event that arrives
 * before its meeting's creation still lands: the meeting row is created bare and
 * completed when the creation arrives.
 */
@Component
class MeetingHistory {

    private final DatabaseClient db;

    MeetingHistory(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> created(String meetingId, String title, String slug, Instant createdAt) {
        return db
            .sql("insert into meeting_record (meeting_id, title, slug, created_at) values (:id, :title, :slug, "
                    + ":created) on conflict (meeting_id) do update set title = excluded.title, slug = excluded.slug, "
                    + "created_at = least(meeting_record.created_at, excluded.created_at)")
            .bind("id", meetingId)
            .bind("title", Parameter.fromOrEmpty(title, String.class))
            .bind("slug", Parameter.fromOrEmpty(slug, String.class))
            .bind("created", createdAt)
            .then();
    }

    Mono<Void> joined(String meetingId, String participantId, String userId, String name, String role,
            Instant joinedAt) {
        return db
            .sql("insert into meeting_record (meeting_id, created_at) values (:id, :at) "
                    + "on conflict (meeting_id) do nothing")
            .bind("id", meetingId)
            .bind("at", joinedAt)
            .then()
            .then(db.sql("insert into meeting_participant (meeting_id, participant_id, account_id, name, role, "
                    + "joined_at) values (:id, :pid, (select id from account where id = :account), :name, :role, :at) "
                    + "on conflict do nothing")
                .bind("id", meetingId)
                .bind("pid", participantId)
                .bind("account", accountOf(userId))
                .bind("name", name)
                .bind("role", role)
                .bind("at", joinedAt)
                .then());
    }

    Mono<Void> ended(String meetingId, Instant endedAt) {
        return db.sql("update meeting_record set ended_at = :at where meeting_id = :id and ended_at is null")
            .bind("at", endedAt)
            .bind("id", meetingId)
            .then();
    }

    /**
     * Meetings nobody signed in took part in are of use to no one once they are a day
     * old.
     */
    Mono<Long> forgetAnonymous(Instant now, Duration after) {
        return db.sql("delete from meeting_record r where r.created_at < :before and not exists ("
                + "select 1 from meeting_participant p where p.meeting_id = r.meeting_id and p.account_id is not null)")
            .bind("before", now.minus(after))
            .fetch()
            .rowsUpdated();
    }

    /** One meeting in an account's list, with everyone who was in it. */
    record Entry(String meetingId, String title, String slug, String role, Instant joinedAt, Instant createdAt,
            Instant endedAt, List<Attendee> participants) {
    }

    record Attendee(String name, String role, Instant joinedAt) {
    }

    /**
     * Newest first, at most {@code limit}, strictly before the cursor (joined_at, meeting
     * id) when given.
     */
    Flux<Entry> of(UUID accountId, Instant beforeTime, String beforeMeeting, int limit) {
        String cursor = beforeTime == null ? ""
                : "having (max(p.joined_at), p.meeting_id) < (:beforeTime, :beforeMeeting) ";
        var spec = db
            .sql("select p.meeting_id, max(p.joined_at) as joined_at, bool_or(p.role = 'host') as hosted, "
                    + "r.title, r.slug, r.created_at, r.ended_at from meeting_participant p join meeting_record r "
                    + "on r.meeting_id = p.meeting_id where p.account_id = :account "
                    + "group by p.meeting_id, r.title, r.slug, r.created_at, r.ended_at " + cursor
                    + "order by joined_at desc, p.meeting_id desc limit :limit")
            .bind("account", accountId)
            .bind("limit", limit);
        if (beforeTime != null) {
            spec = spec.bind("beforeTime", beforeTime).bind("beforeMeeting", beforeMeeting);
        }
        return spec
            .map(row -> new Entry(row.get("meeting_id", String.class), row.get("title", String.class),
                    row.get("slug", String.class),
                    Boolean.TRUE.equals(row.get("hosted", Boolean.class)) ? "host" : "participant",
                    row.get("joined_at", Instant.class), row.get("created_at", Instant.class),
                    row.get("ended_at", Instant.class), List.of()))
            .all()
            .concatMap(entry -> attendees(entry.meetingId()).collectList()
                .map(people -> new Entry(entry.meetingId(), entry.title(), entry.slug(), entry.role(), entry.joinedAt(),
                        entry.createdAt(), entry.endedAt(), people)));
    }

    private Flux<Attendee> attendees(String meetingId) {
        return db
            .sql("select name, role, joined_at from meeting_participant where meeting_id = :id "
                    + "order by joined_at limit 100")
            .bind("id", meetingId)
            .map(row -> new Attendee(row.get("name", String.class), row.get("role", String.class),
                    row.get("joined_at", Instant.class)))
            .all();
    }

    private static Parameter accountOf(String userId) {
        try {
            return Parameter.from(UUID.fromString(userId));
        }
        catch (IllegalArgumentException | NullPointerException notAnAccount) {
            return Parameter.empty(UUID.class);
        }
    }

}
