package io.parley.people.session;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code session} table and the hashes of the tokens each session has retired. Every
 * state change is one conditional UPDATE, so two devices racing on the same token cannot
 * both win.
 */
@Component
class SessionStore {

    private static final String COLUMNS = "id, account_id, created_at, last_used_at, expires_at, rotated_at, "
            + "revoked_at, user_agent, client_address";

    private static final String JOINED_COLUMNS = "s." + COLUMNS.replace(", ", ", s.");

    private final DatabaseClient db;

    SessionStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> insert(Session session, byte[] tokenHash) {
        return db
            .sql("insert into session (id, account_id, token_hash, created_at, last_used_at, expires_at, "
                    + "user_agent, client_address) values (:id, :account, :hash, :created, :created, :expires, :agent, "
                    + ":address)")
            .bind("id", session.id())
            .bind("account", session.accountId())
            .bind("hash", tokenHash)
            .bind("created", session.createdAt())
            .bind("expires", session.expiresAt())
            .bind("agent", Parameter.fromOrEmpty(session.userAgent(), String.class))
            .bind("address", Parameter.fromOrEmpty(session.clientAddress(), String.class))
            .then();
    }

    /** The session whose current token this is. */
    Mono<Session> byCurrentToken(byte[] hash) {
        return db.sql("select " + COLUMNS + " from session where token_hash = :hash")
            .bind("hash", hash)
            .map(SessionStore::session)
            .one();
    }

    /**
     * The session that retired this token, and whether it is the one retired last (the
     * grace candidate).
     */
    record Retired(Session session, boolean latest) {
    }

    Mono<Retired> byRetiredToken(byte[] hash) {
        return db.sql("select " + JOINED_COLUMNS
                + ", (s.previous_hash = :hash) as latest from retired_token r join session s on s.id = r.session_id "
                + "where r.token_hash = :hash")
            .bind("hash", hash)
            .map(row -> new Retired(session(row), Boolean.TRUE.equals(row.get("latest", Boolean.class))))
            .one();
    }

    Mono<Session> byId(UUID id) {
        return db.sql("select " + COLUMNS + " from session where id = :id")
            .bind("id", id)
            .map(SessionStore::session)
            .one();
    }

    /**
     * Replaces the current token, only if it still is {@code oldHash}; false when another
     * request got there first.
     */
    Mono<Boolean> rotate(UUID id, byte[] oldHash, byte[] newHash, Instant now, Instant expiresAt) {
        return db
            .sql("update session set previous_hash = token_hash, token_hash = :new, rotated_at = :now, "
                    + "last_used_at = :now, expires_at = :expires where id = :id and token_hash = :old "
                    + "and revoked_at is null")
            .bind("new", newHash)
            .bind("now", now)
            .bind("expires", expiresAt)
            .bind("id", id)
            .bind("old", oldHash)
            .fetch()
            .rowsUpdated()
            .flatMap(updated -> updated == 0 ? Mono.just(false)
                    : db.sql("insert into retired_token (token_hash, session_id, retired_at) values (:hash, :id, :now)")
                        .bind("hash", oldHash)
                        .bind("id", id)
                        .bind("now", now)
                        .then()
                        .thenReturn(true));
    }

    /** Revokes a live session; true when this call did it. */
    Mono<Boolean> revoke(UUID id, UUID accountId, String reason, Instant now) {
        return db
            .sql("update session set revoked_at = :now, revoked_reason = :reason where id = :id "
                    + "and account_id = :account and revoked_at is null")
            .bind("now", now)
            .bind("reason", reason)
            .bind("id", id)
            .bind("account", accountId)
            .fetch()
            .rowsUpdated()
            .map(updated -> updated > 0);
    }

    /**
     * Revokes every live session of the account but {@code keep} (null keeps none);
     * returns the ids revoked.
     */
    Flux<UUID> revokeAll(UUID accountId, UUID keep, String reason, Instant now) {
        return db
            .sql("update session set revoked_at = :now, revoked_reason = :reason where account_id = :account "
                    + "and revoked_at is null and id <> :keep returning id")
            .bind("now", now)
            .bind("reason", reason)
            .bind("account", accountId)
            .bind("keep", keep == null ? new UUID(0, 0) : keep)
            .map(row -> row.get("id", UUID.class))
            .all();
    }

    /**
     * Deletes sessions that ended before {@code before}; their retired tokens go with
     * them (cascade).
     */
    Mono<Long> deleteEndedBefore(Instant before) {
        return db.sql("delete from session where expires_at < :before or revoked_at < :before")
            .bind("before", before)
            .fetch()
            .rowsUpdated();
    }

    Flux<Session> liveOf(UUID accountId, Instant now) {
        return db
            .sql("select " + COLUMNS + " from session where account_id = :account and revoked_at is null "
                    + "and expires_at > :now order by last_used_at desc")
            .bind("account", accountId)
            .bind("now", now)
            .map(SessionStore::session)
            .all();
    }

    private static Session session(Readable row) {
        return new Session(row.get("id", UUID.class), row.get("account_id", UUID.class),
                row.get("created_at", Instant.class), row.get("last_used_at", Instant.class),
                row.get("expires_at", Instant.class), row.get("rotated_at", Instant.class),
                row.get("revoked_at", Instant.class), row.get("user_agent", String.class),
                row.get("client_address", String.class));
    }

}
