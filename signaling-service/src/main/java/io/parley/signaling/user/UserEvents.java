package io.parley.signaling.user;

import java.util.Optional;

import io.parley.events.EventType;
import io.parley.signaling.fanout.Envelope;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.MessageType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a people event means for the devices of the person it concerns (PEOPLE.md §4,
 * docs/people.md "Events for devices"): the event's fields, without {@code accountId},
 * under the socket's message type. A revoked session closes that session's sockets with
 * 4401, a deleted account all of them.
 */
final class UserEvents {

    /** Where an event goes: the person, and what their devices get. */
    record Delivery(String accountId, Envelope envelope) {
    }

    private UserEvents() {
    }

    static Optional<Delivery> of(EventType type, JsonNode data) {
        JsonNode account = data.path("accountId");
        if (!data.isObject() || !account.isString() || account.asString().isBlank()) {
            return Optional.empty();
        }
        String accountId = account.asString();
        return switch (type) {
            case CONTACT_REQUESTED -> forward(accountId, MessageType.CONTACT_REQUEST, data);
            case CONTACT_ADDED -> forward(accountId, MessageType.CONTACT_ADDED, data);
            case CONTACT_REMOVED -> forward(accountId, MessageType.CONTACT_REMOVED, data);
            case MESSAGE_SENT -> forward(accountId, MessageType.MESSAGE, data);
            case MESSAGES_READ -> forward(accountId, MessageType.READ, data);
            case CALL_RINGING -> forward(accountId, MessageType.CALL_RINGING, data);
            case CALL_ENDED -> forward(accountId, MessageType.CALL_ENDED, data);
            case SESSION_REVOKED -> revoked(accountId, data);
            case ACCOUNT_DELETED -> Optional.of(new Delivery(accountId,
                    Envelope.everyone(message(MessageType.SESSION_REVOKED, reason("account-deleted")))
                        .thenClose(CloseCode.BAD_TOKEN.code())));
            default -> Optional.empty();
        };
    }

    private static Optional<Delivery> forward(String accountId, MessageType type, JsonNode data) {
        ObjectNode fields = ((ObjectNode) data).deepCopy();
        fields.remove("accountId");
        return Optional.of(new Delivery(accountId, Envelope.everyone(message(type, fields))));
    }

    private static Optional<Delivery> revoked(String accountId, JsonNode data) {
        JsonNode session = data.path("sessionId");
        if (!session.isString()) {
            return Optional.empty();
        }
        String why = data.path("reason").isString() ? data.path("reason").asString() : "signed-out";
        return Optional.of(new Delivery(accountId,
                Envelope.to(session.asString(), message(MessageType.SESSION_REVOKED, reason(why)))
                    .thenClose(CloseCode.BAD_TOKEN.code())));
    }

    private static ObjectNode reason(String reason) {
        return JsonNodeFactory.instance.objectNode().put("reason", reason);
    }

    private static String message(MessageType type, ObjectNode fields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type.wireName());
        node.setAll(fields);
        return node.toString();
    }

}
