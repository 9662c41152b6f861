package io.parley.signaling.protocol;

import tools.jackson.databind.JsonNode;

/**
 * What a client may send, parsed and checked; anything else is a
 * {@link ProtocolException}.
 */
public sealed interface ClientMessage {

    int MAX_ID_LENGTH = 64;

    MessageType type();

    /**
     * offer, answer and ice: opaque to the server, relayed to one participant of the same
     * meeting.
     */
    record Relay(MessageType type, String to, JsonNode payload) implements ClientMessage {
    }

    record Chat(String text) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.CHAT;
        }
    }

    record Media(boolean audio, boolean video) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.MEDIA;
        }
    }

    /** User socket: a fresh access token before the current one expires. */
    record Refresh(String token) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.REFRESH;
        }
    }

    record Ping() implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.PING;
        }
    }

    static ClientMessage parse(JsonNode json) {
        return parse(MessageType.Socket.MEETING, json);
    }

    static ClientMessage parse(MessageType.Socket socket, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new ProtocolException(ErrorCode.MALFORMED, "A message is a JSON object with a type.");
        }
        JsonNode typeNode = json.get("type");
        if (typeNode == null || !typeNode.isString()) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "The message has no type.");
        }
        MessageType type = MessageType.fromClient(socket, typeNode.asString())
            .orElseThrow(() -> new ProtocolException(ErrorCode.UNKNOWN_TYPE, "Unknown message type."));
        return switch (type) {
            case OFFER, ANSWER -> new Relay(type, target(json), requiredField(json, "sdp"));
            case ICE -> new Relay(type, target(json), requiredField(json, "candidate"));
            case CHAT -> new Chat(requiredText(json, "text"));
            case MEDIA -> new Media(requiredBoolean(json, "audio"), requiredBoolean(json, "video"));
            case PING -> new Ping();
            case REFRESH -> new Refresh(requiredText(json, "token"));
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "Unknown message type.");
        };
    }

    private static String target(JsonNode json) {
        String to = requiredText(json, "to");
        if (to.length() > MAX_ID_LENGTH) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'to' is not a participant id.");
        }
        return to;
    }

    private static JsonNode requiredField(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new ProtocolException(ErrorCode.MISSING_FIELD, "The message lacks '" + field + "'.");
        }
        return value;
    }

    private static String requiredText(JsonNode json, String field) {
        JsonNode value = requiredField(json, field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' must be a non-empty string.");
        }
        return value.asString();
    }

    private static boolean requiredBoolean(JsonNode json, String field) {
        JsonNode value = requiredField(json, field);
        if (!value.isBoolean()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' must be true or false.");
        }
        return value.asBoolean();
    }

}
