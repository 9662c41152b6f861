package io.parley.people.message;

import java.time.Instant;
import java.util.UUID;

import io.r2dbc.spi.Readable;

/**
 * A stored direct message as clients see it, the same in a history page, in the answer to
 * a send and in a {@code message-sent} event. A text message has {@code text} and no
 * {@code call}; a call entry (kind {@code call}, written when a call ends) has
 * {@code call} and no {@code text}, and its sender is the caller.
 */
public record Message(UUID messageId, String clientMessageId, long seq, UUID senderId, String kind, String text,
        CallEntry call, Instant sentAt) {

    public static final String TEXT = "text";

    public static final String CALL = "call";

    /**
     * Columns of the {@code message} table aliased {@code m}, as {@link #of} reads them.
     */
    public static final String COLUMNS = "m.id, m.client_message_id, m.seq, m.sender_id, m.kind, m.body, m.call_id, "
            + "m.call_outcome, m.call_duration_seconds, m.sent_at";

    /**
     * How a call went: {@code outcome} is its final state ({@code ended} after an answer,
     * {@code declined}, {@code cancelled}, {@code missed}, {@code busy});
     * {@code durationSeconds} counts from the answer, 0 when nobody answered.
     */
    public record CallEntry(UUID callId, String outcome, long durationSeconds, UUID callerId) {
    }

    /** A row selected with {@link #COLUMNS}; null when a left join found no message. */
    public static Message of(Readable row) {
        UUID id = row.get("id", UUID.class);
        if (id == null) {
            return null;
        }
        UUID sender = row.get("sender_id", UUID.class);
        String kind = row.get("kind", String.class);
        CallEntry call = CALL.equals(kind) ? new CallEntry(row.get("call_id", UUID.class),
                row.get("call_outcome", String.class), row.get("call_duration_seconds", Long.class), sender) : null;
        return new Message(id, row.get("client_message_id", String.class), row.get("seq", Long.class), sender, kind,
                row.get("body", String.class), call, row.get("sent_at", Instant.class));
    }
}
