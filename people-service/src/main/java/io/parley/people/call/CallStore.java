package io.parley.people.call;

import java.time.Instant;
import java.util.UUID;

import io.parley.people.contact.Party;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code call} table. */
@Component
class CallStore {

    private static final String COLUMNS = "id, contact_id, caller_id, callee_id, meeting_id, state, created_at, "
            + "ring_expires_at, answered_at, ended_at";

    private final DatabaseClient db;

    CallStore(DatabaseClient db) {
        this.db = db;
    }

    record Call(UUID id, UUID contactId, UUID callerId, UUID calleeId, String meetingId, CallState state,
            Instant createdAt, Instant ringExpiresAt, Instant answeredAt, Instant endedAt) {

        CallRules.Party party(UUID account) {
            return account.equals(callerId) ? CallRules.Party.CALLER
                    : account.equals(calleeId) ? CallRules.Party.CALLEE : null;
        }
    }

    /** Two contacts as one of them, the caller-to-be, sees them. */
    record Pair(UUID contactId, UUID me, UUID other) {
    }

    /** A call ringing for me now, as a page load finds it. */
    record Ringing(UUID callId, UUID contactId, String meetingId, Party from, Instant expiresAt) {
    }

    /**
     * Holds the contact's row until the transaction ends: every call started between the
     * two takes it first, so two people calling each other at once are decided one after
     * the other (the second finds the first ringing).
     */
    Mono<Pair> lockContact(UUID contactId, UUID me) {
        return db
            .sql("select account_a, account_b from contact where id = :id and :me in (account_a, account_b) "
                    + "for update")
            .bind("id", contactId)
            .bind("me", me)
            .map(row -> {
                UUID a = row.get("account_a", UUID.class);
                return new Pair(contactId, me, me.equals(a) ? row.get("account_b", UUID.class) : a);
            })
            .one();
    }

    Mono<Call> find(UUID callId) {
        return db.sql("select " + COLUMNS + " from call where id = :id").bind("id", callId).map(CallStore::call).one();
    }

    Flux<Call> ringingFrom(UUID contactId, UUID caller) {
        return db
            .sql("select " + COLUMNS + " from call where contact_id = :contact and caller_id = :caller "
                    + "and state = 'ringing' order by created_at")
            .bind("contact", contactId)
            .bind("caller", caller)
            .map(CallStore::call)
            .all();
    }

    /** When the caller started calls to the callee since {@code since}, oldest first. */
    Flux<Instant> startedSince(UUID caller, UUID callee, Instant since) {
        return db
            .sql("select created_at from call where caller_id = :caller and callee_id = :callee "
                    + "and created_at > :since order by created_at")
            .bind("caller", caller)
            .bind("callee", callee)
            .bind("since", since)
            .map(row -> row.get("created_at", Instant.class))
            .all();
    }

    /**
     * Whether the account is in an answered call that has not ended, as caller or callee.
     */
    Mono<Boolean> inCall(UUID account) {
        return db
            .sql("select exists (select 1 from call where state = 'answered' and caller_id = :account) "
                    + "or exists (select 1 from call where state = 'answered' and callee_id = :account) as busy")
            .bind("account", account)
            .map(row -> Boolean.TRUE.equals(row.get("busy", Boolean.class)))
            .one();
    }

    Mono<Void> insert(Call call) {
        return db
            .sql("insert into call (" + COLUMNS + ") values (:id, :contact, :caller, :callee, :meeting, :state, "
                    + ":created, :expires, null, :ended)")
            .bind("id", call.id())
            .bind("contact", call.contactId())
            .bind("caller", call.callerId())
            .bind("callee", call.calleeId())
            .bind("meeting", Parameter.fromOrEmpty(call.meetingId(), String.class))
            .bind("state", call.state().value())
            .bind("created", call.createdAt())
            .bind("expires", call.ringExpiresAt())
            .bind("ended", Parameter.fromOrEmpty(call.endedAt(), Instant.class))
            .then();
    }

    /**
     * The call after the change; empty when it was no longer in {@code from} (another
     * change came first).
     */
    Mono<Call> transition(UUID callId, CallRules.Transition transition, Instant now) {
        boolean answering = transition.to() == CallState.ANSWERED;
        return db
            .sql("update call set state = :to, " + (answering ? "answered_at" : "ended_at") + " = :now "
                    + "where id = :id and state = :from returning " + COLUMNS)
            .bind("to", transition.to().value())
            .bind("now", now)
            .bind("id", callId)
            .bind("from", transition.from().value())
            .map(CallStore::call)
            .one();
    }

    /**
     * Ringing calls past their ring time become missed, a batch at a time; other
     * instances take other rows.
     */
    Flux<Call> missRinging(Instant now, int limit) {
        return db
            .sql("update call set state = 'missed', ended_at = :now where id in (select id from call "
                    + "where state = 'ringing' and ring_expires_at <= :now order by ring_expires_at limit :limit "
                    + "for update skip locked) and state = 'ringing' returning " + COLUMNS)
            .bind("now", now)
            .bind("limit", limit)
            .map(CallStore::call)
            .all();
    }

    /** Answered calls older than {@code answeredBefore} end, a batch at a time. */
    Flux<Call> endAnsweredBefore(Instant answeredBefore, Instant now, int limit) {
        return db
            .sql("update call set state = 'ended', ended_at = :now where id in (select id from call "
                    + "where state = 'answered' and answered_at < :before order by answered_at limit :limit "
                    + "for update skip locked) and state = 'answered' returning " + COLUMNS)
            .bind("now", now)
            .bind("before", answeredBefore)
            .bind("limit", limit)
            .map(CallStore::call)
            .all();
    }

    /** Ringing and answered calls in a meeting, locked until the transaction ends. */
    Flux<Call> activeIn(String meetingId) {
        return db
            .sql("select " + COLUMNS + " from call where meeting_id = :meeting "
                    + "and state in ('ringing', 'answered') for update")
            .bind("meeting", meetingId)
            .map(CallStore::call)
            .all();
    }

    /** Ringing and answered calls of a contact that is about to end. */
    Flux<Call> activeOf(UUID contactId) {
        return db
            .sql("select " + COLUMNS + " from call where contact_id = :contact "
                    + "and state in ('ringing', 'answered') for update")
            .bind("contact", contactId)
            .map(CallStore::call)
            .all();
    }

    Flux<Ringing> ringingFor(UUID callee, Instant now) {
        return db
            .sql("select c.id, c.contact_id, c.meeting_id, c.ring_expires_at, a.id as caller, a.display_name "
                    + "from call c join account a on a.id = c.caller_id where c.callee_id = :callee "
                    + "and c.state = 'ringing' and c.ring_expires_at > :now order by c.created_at")
            .bind("callee", callee)
            .bind("now", now)
            .map(row -> new Ringing(row.get("id", UUID.class), row.get("contact_id", UUID.class),
                    row.get("meeting_id", String.class),
                    new Party(row.get("caller", UUID.class), row.get("display_name", String.class)),
                    row.get("ring_expires_at", Instant.class)))
            .all();
    }

    Mono<Party> party(UUID accountId) {
        return db.sql("select id, display_name from account where id = :id")
            .bind("id", accountId)
            .map(row -> new Party(row.get("id", UUID.class), row.get("display_name", String.class)))
            .one();
    }

    private static Call call(Readable row) {
        return new Call(row.get("id", UUID.class), row.get("contact_id", UUID.class), row.get("caller_id", UUID.class),
                row.get("callee_id", UUID.class), row.get("meeting_id", String.class),
                CallState.of(row.get("state", String.class)), row.get("created_at", Instant.class),
                row.get("ring_expires_at", Instant.class), row.get("answered_at", Instant.class),
                row.get("ended_at", Instant.class));
    }

}
