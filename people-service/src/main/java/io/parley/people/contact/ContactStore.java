package io.parley.people.contact;

import java.time.Instant;
import java.util.UUID;

import io.parley.people.message.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code contact} and {@code account_block} tables. */
@Component
class ContactStore {

    private final DatabaseClient db;

    ContactStore(DatabaseClient db) {
        this.db = db;
    }

    /** A contact as one of its two people sees it. */
    record Seen(UUID contactId, UUID other) {
    }

    /**
     * One row of my contact list: who, how many of their messages I have not read, the
     * newest message.
     */
    record Listed(UUID contactId, Party account, long unread, Message lastMessage, Instant since) {
    }

    /** False when the two already are contacts (the unique index on the pair decides). */
    Mono<Boolean> insert(UUID id, UUID a, UUID b, Instant now) {
        return db
            .sql("insert into contact (id, account_a, account_b, created_at) values (:id, :a, :b, :now) "
                    + "on conflict do nothing")
            .bind("id", id)
            .bind("a", a)
            .bind("b", b)
            .bind("now", now)
            .fetch()
            .rowsUpdated()
            .map(inserted -> inserted > 0);
    }

    Mono<UUID> between(UUID a, UUID b) {
        return db
            .sql("select id from contact where least(account_a, account_b) = "
                    + "least(cast(:a as uuid), cast(:b as uuid)) and greatest(account_a, account_b) = "
                    + "greatest(cast(:a as uuid), cast(:b as uuid))")
            .bind("a", a)
            .bind("b", b)
            .map(row -> row.get("id", UUID.class))
            .one();
    }

    /**
     * Holds the contact's row until the transaction ends; empty when it is not one of
     * mine.
     */
    Mono<Seen> lock(UUID contactId, UUID me) {
        return db
            .sql("select account_a, account_b from contact where id = :id and :me in (account_a, account_b) "
                    + "for update")
            .bind("id", contactId)
            .bind("me", me)
            .map(row -> {
                UUID a = row.get("account_a", UUID.class);
                return new Seen(contactId, me.equals(a) ? row.get("account_b", UUID.class) : a);
            })
            .one();
    }

    /** Every contact of the account, locked until the transaction ends. */
    Flux<Seen> lockAllOf(UUID me) {
        return db
            .sql("select id, account_a, account_b from contact where :me in (account_a, account_b) "
                    + "order by id for update")
            .bind("me", me)
            .map(row -> {
                UUID a = row.get("account_a", UUID.class);
                return new Seen(row.get("id", UUID.class), me.equals(a) ? row.get("account_b", UUID.class) : a);
            })
            .all();
    }

    /** Its conversation, messages, read markers and calls go with it. */
    Mono<Void> delete(UUID contactId) {
        return db.sql("delete from contact where id = :id").bind("id", contactId).then();
    }

    /** Most recently active first. */
    Flux<Listed> list(UUID me) {
        return db
            .sql("select c.id as contact_id, c.created_at as since, o.id as other_id, o.display_name, "
                    + "v.last_seq, r.read_seq, " + Message.COLUMNS + " from contact c "
                    + "join account o on o.id = case when c.account_a = :me then c.account_b else c.account_a end "
                    + "join conversation v on v.contact_id = c.id "
                    + "join read_marker r on r.contact_id = c.id and r.account_id = :me "
                    + "left join message m on m.contact_id = c.id and m.seq = v.last_seq "
                    + "where c.account_a = :me or c.account_b = :me "
                    + "order by coalesce(m.sent_at, c.created_at) desc, c.id limit 1000")
            .bind("me", me)
            .map(row -> new Listed(row.get("contact_id", UUID.class),
                    new Party(row.get("other_id", UUID.class), row.get("display_name", String.class)),
                    Math.max(0, row.get("last_seq", Long.class) - row.get("read_seq", Long.class)), Message.of(row),
                    row.get("since", Instant.class)))
            .all();
    }

    /** Whether either of the two blocked the other. */
    Mono<Boolean> blockedEitherWay(UUID a, UUID b) {
        return db
            .sql("select exists (select 1 from account_block where (blocker = :a and blocked = :b) "
                    + "or (blocker = :b and blocked = :a)) as blocked")
            .bind("a", a)
            .bind("b", b)
            .map(row -> Boolean.TRUE.equals(row.get("blocked", Boolean.class)))
            .one();
    }

    Mono<Boolean> hasBlocked(UUID blocker, UUID blocked) {
        return db
            .sql("select exists (select 1 from account_block where blocker = :blocker and blocked = :blocked) "
                    + "as blocked")
            .bind("blocker", blocker)
            .bind("blocked", blocked)
            .map(row -> Boolean.TRUE.equals(row.get("blocked", Boolean.class)))
            .one();
    }

    Mono<Void> block(UUID blocker, UUID blocked, Instant now) {
        return db
            .sql("insert into account_block (blocker, blocked, created_at) values (:blocker, :blocked, :now) "
                    + "on conflict do nothing")
            .bind("blocker", blocker)
            .bind("blocked", blocked)
            .bind("now", now)
            .then();
    }

    Mono<Boolean> unblock(UUID blocker, UUID blocked) {
        return db.sql("delete from account_block where blocker = :blocker and blocked = :blocked")
            .bind("blocker", blocker)
            .bind("blocked", blocked)
            .fetch()
            .rowsUpdated()
            .map(deleted -> deleted > 0);
    }

    record Blocked(UUID accountId, String displayName, Instant blockedAt) {
    }

    Flux<Blocked> blocks(UUID blocker) {
        return db.sql("select a.id, a.display_name, b.created_at from account_block b "
                + "join account a on a.id = b.blocked where b.blocker = :blocker order by b.created_at desc limit 1000")
            .bind("blocker", blocker)
            .map(row -> new Blocked(row.get("id", UUID.class), row.get("display_name", String.class),
                    row.get("created_at", Instant.class)))
            .all();
    }

    Mono<Party> party(UUID accountId) {
        return db.sql("select id, display_name from account where id = :id")
            .bind("id", accountId)
            .map(row -> new Party(row.get("id", UUID.class), row.get("display_name", String.class)))
            .one();
    }

}
