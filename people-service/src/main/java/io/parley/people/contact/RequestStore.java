package io.parley.people.contact;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code contact_request} table. */
@Component
class RequestStore {

    private final DatabaseClient db;

    RequestStore(DatabaseClient db) {
        this.db = db;
    }

    /** A request and, when an account has the address asked for, that account. */
    record Request(UUID id, UUID from, String emailKey, UUID to) {
    }

    record Incoming(UUID requestId, Party from, Instant createdAt) {
    }

    record Outgoing(UUID requestId, String email, Instant createdAt) {
    }

    /** False when this person asked for this address already. */
    Mono<Boolean> insert(UUID id, UUID from, String email, String emailKey, Instant now) {
        return db
            .sql("insert into contact_request (id, from_account, email, email_key, created_at) "
                    + "values (:id, :from, :email, :key, :now) on conflict do nothing")
            .bind("id", id)
            .bind("from", from)
            .bind("email", email)
            .bind("key", emailKey)
            .bind("now", now)
            .fetch()
            .rowsUpdated()
            .map(inserted -> inserted > 0);
    }

    /**
     * Holds the request's row until the transaction ends, so it is accepted or declined
     * once.
     */
    Mono<Request> lock(UUID id) {
        return db
            .sql("select r.id, r.from_account, r.email_key, a.id as to_account from contact_request r "
                    + "left join account a on a.email_key = r.email_key where r.id = :id for update of r")
            .bind("id", id)
            .map(row -> new Request(row.get("id", UUID.class), row.get("from_account", UUID.class),
                    row.get("email_key", String.class), row.get("to_account", UUID.class)))
            .one();
    }

    /** The request {@code from} made to {@code to}'s address, if any. */
    Mono<UUID> between(UUID from, UUID to) {
        return db
            .sql("select r.id from contact_request r join account a on a.email_key = r.email_key "
                    + "where r.from_account = :from and a.id = :to")
            .bind("from", from)
            .bind("to", to)
            .map(row -> row.get("id", UUID.class))
            .one();
    }

    /** Whatever either of the two asked of the other. */
    Mono<Void> deleteBetween(UUID a, UUID b) {
        return db
            .sql("delete from contact_request r using account t where t.email_key = r.email_key and "
                    + "((r.from_account = :a and t.id = :b) or (r.from_account = :b and t.id = :a))")
            .bind("a", a)
            .bind("b", b)
            .then();
    }

    Mono<Boolean> delete(UUID id) {
        return db.sql("delete from contact_request where id = :id")
            .bind("id", id)
            .fetch()
            .rowsUpdated()
            .map(deleted -> deleted > 0);
    }

    /**
     * Requests to my address, except from people I blocked (theirs wait unseen and go
     * when I unblock them).
     */
    Flux<Incoming> incoming(UUID me) {
        return db
            .sql("select r.id, r.created_at, f.id as from_id, f.display_name from contact_request r "
                    + "join account me on me.id = :me and me.email_key = r.email_key "
                    + "join account f on f.id = r.from_account "
                    + "where not exists (select 1 from account_block b where b.blocker = :me and b.blocked = f.id) "
                    + "order by r.created_at desc, r.id limit 500")
            .bind("me", me)
            .map(row -> new Incoming(row.get("id", UUID.class),
                    new Party(row.get("from_id", UUID.class), row.get("display_name", String.class)),
                    row.get("created_at", Instant.class)))
            .all();
    }

    /** My requests by the address I typed: never whether an account has it. */
    Flux<Outgoing> outgoing(UUID me) {
        return db
            .sql("select id, email, created_at from contact_request where from_account = :me "
                    + "order by created_at desc, id limit 500")
            .bind("me", me)
            .map(row -> new Outgoing(row.get("id", UUID.class), row.get("email", String.class),
                    row.get("created_at", Instant.class)))
            .all();
    }

}
