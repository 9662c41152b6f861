package io.parley.people.message;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code conversation}, {@code message} and {@code read_marker} tables. */
@Component
class MessageStore {

    private static final String CONVERSATION = "select c.id, c.account_a, c.account_b, v.last_seq from contact c "
            + "join conversation v on v.contact_id = c.id where c.id = :contact and :me in (c.account_a, c.account_b)";

    private final DatabaseClient db;

    MessageStore(DatabaseClient db) {
        this.db = db;
    }

    /** A conversation as one of its two people sees it. */
    record Conversation(UUID contactId, UUID me, UUID other, long lastSeq) {
    }

    /** A message and the conversation it is in. */
    record Stored(UUID contactId, Message message) {
    }

    Mono<Void> open(UUID contactId, UUID a, UUID b) {
        return db.sql("insert into conversation (contact_id) values (:contact)")
            .bind("contact", contactId)
            .then()
            .then(db.sql("insert into read_marker (contact_id, account_id) values (:contact, :a), (:contact, :b)")
                .bind("contact", contactId)
                .bind("a", a)
                .bind("b", b)
                .then());
    }

    /**
     * Empty when {@code me} is not one of the contact's two people (or the contact is
     * gone).
     */
    Mono<Conversation> find(UUID contactId, UUID me) {
        return conversation(CONVERSATION, contactId, me);
    }

    /**
     * Like {@link #find}, and holds the conversation's row until the transaction ends:
     * every write to a conversation (a message, a call entry, a read marker) takes it
     * first, so they happen, number and publish one at a time.
     */
    Mono<Conversation> lock(UUID contactId, UUID me) {
        return conversation(CONVERSATION + " for update of v", contactId, me);
    }

    private Mono<Conversation> conversation(String sql, UUID contactId, UUID me) {
        return db.sql(sql).bind("contact", contactId).bind("me", me).map(row -> {
            UUID a = row.get("account_a", UUID.class);
            return new Conversation(contactId, me, me.equals(a) ? row.get("account_b", UUID.class) : a,
                    row.get("last_seq", Long.class));
        }).one();
    }

    Mono<Stored> byClientId(UUID sender, String clientMessageId) {
        return db
            .sql("select m.contact_id, " + Message.COLUMNS + " from message m where m.sender_id = :sender "
                    + "and m.client_message_id = :client")
            .bind("sender", sender)
            .bind("client", clientMessageId)
            .map(row -> new Stored(row.get("contact_id", UUID.class), Message.of(row)))
            .one();
    }

    Mono<Long> nextSeq(UUID contactId) {
        return db.sql("update conversation set last_seq = last_seq + 1 where contact_id = :contact returning last_seq")
            .bind("contact", contactId)
            .map(row -> row.get("last_seq", Long.class))
            .one();
    }

    Mono<Void> insert(UUID contactId, Message message) {
        Message.CallEntry call = message.call();
        return db.sql("insert into message (id, contact_id, seq, sender_id, kind, client_message_id, body, call_id, "
                + "call_outcome, call_duration_seconds, sent_at) values (:id, :contact, :seq, :sender, :kind, :client, "
                + ":body, :callId, :outcome, :duration, :sentAt)")
            .bind("id", message.messageId())
            .bind("contact", contactId)
            .bind("seq", message.seq())
            .bind("sender", message.senderId())
            .bind("kind", message.kind())
            .bind("client", Parameter.fromOrEmpty(message.clientMessageId(), String.class))
            .bind("body", Parameter.fromOrEmpty(message.text(), String.class))
            .bind("callId", Parameter.fromOrEmpty(call == null ? null : call.callId(), UUID.class))
            .bind("outcome", Parameter.fromOrEmpty(call == null ? null : call.outcome(), String.class))
            .bind("duration", Parameter.fromOrEmpty(call == null ? null : call.durationSeconds(), Long.class))
            .bind("sentAt", message.sentAt())
            .then();
    }

    Mono<Long> marker(UUID contactId, UUID account) {
        return db.sql("select read_seq from read_marker where contact_id = :contact and account_id = :account")
            .bind("contact", contactId)
            .bind("account", account)
            .map(row -> row.get("read_seq", Long.class))
            .one();
    }

    Mono<Void> setMarker(UUID contactId, UUID account, long seq) {
        return db.sql("update read_marker set read_seq = :seq where contact_id = :contact and account_id = :account")
            .bind("seq", seq)
            .bind("contact", contactId)
            .bind("account", account)
            .then();
    }

    /** Newest first, below {@code beforeSeq} (exclusive). */
    Flux<Message> page(UUID contactId, long beforeSeq, int limit) {
        return db
            .sql("select " + Message.COLUMNS + " from message m where m.contact_id = :contact "
                    + "and m.seq < :before order by m.seq desc limit :limit")
            .bind("contact", contactId)
            .bind("before", beforeSeq)
            .bind("limit", limit)
            .map(Message::of)
            .all();
    }

    Mono<Long> seqOf(UUID contactId, UUID messageId) {
        return db.sql("select seq from message where id = :id and contact_id = :contact")
            .bind("id", messageId)
            .bind("contact", contactId)
            .map(row -> row.get("seq", Long.class))
            .one();
    }

}
