package io.parley.signaling.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * What a client may send, parsed and checked; anything else is a
 * {@link ProtocolException}.
 */
public sealed interface ClientMessage {

    int MAX_ID_LENGTH = 64;

    /** As many as a meeting may hold. */
    int MAX_VIEW = 100;

    /**
     * What a MediaStream id looks like in the browsers Parley supports, at most 64
     * characters.
     */
    Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9{}_-]{1,64}");

    /** What a transceiver's mid looks like (browsers number them). */
    Pattern MID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

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

    /**
     * {@code screen}: the id of the MediaStream the sender shares its screen in (the
     * others tell it from the camera by it), or null.
     */
    record Media(boolean audio, boolean video, String screen) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.MEDIA;
        }
    }

    /** The sender's own hand, up or down. */
    record Hand(boolean raised) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.HAND;
        }
    }

    /** A host lowers someone's hand. */
    record LowerHand(String participantId) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.LOWER_HAND;
        }
    }

    /** A host stops someone's screen share. */
    record StopShare(String participantId) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.STOP_SHARE;
        }
    }

    /**
     * SFU: the offer of the publishing connection (null: the client joins the room to
     * receive only), and the mid of its screen-share transceiver, if any.
     */
    record SfuPublish(String sdp, String screen) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.SFU_PUBLISH;
        }
    }

    /** SFU: the answer to the subscription's latest {@code sfu-offer}. */
    record SfuStart(String sdp) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.SFU_START;
        }
    }

    /**
     * SFU: whose camera video the client wants, most wanted first, and the simulcast
     * layer each tile needs; at most {@link #MAX_VIEW} entries, each participant once.
     */
    record SfuView(List<WantedVideo> videos) implements ClientMessage {

        @Override
        public MessageType type() {
            return MessageType.SFU_VIEW;
        }
    }

    /** One entry of {@link SfuView}. */
    record WantedVideo(String participantId, Layer layer) {
    }

    /** A simulcast layer, by the size of the tile that shows it. */
    enum Layer {

        LOW, MEDIUM, HIGH

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
            case MEDIA -> new Media(requiredBoolean(json, "audio"), requiredBoolean(json, "video"), streamId(json));
            case HAND -> new Hand(requiredBoolean(json, "raised"));
            case LOWER_HAND -> new LowerHand(participantId(json, "participantId"));
            case STOP_SHARE -> new StopShare(participantId(json, "participantId"));
            case SFU_PUBLISH -> new SfuPublish(optionalSdp(json), mid(json, "screen"));
            case SFU_START -> new SfuStart(sdp(json));
            case SFU_VIEW -> new SfuView(wantedVideos(json));
            case PING -> new Ping();
            case REFRESH -> new Refresh(requiredText(json, "token"));
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "Unknown message type.");
        };
    }

    private static List<WantedVideo> wantedVideos(JsonNode json) {
        JsonNode videos = requiredField(json, "videos");
        if (!videos.isArray() || videos.size() > MAX_VIEW) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD,
                    "'videos' must be a list of at most " + MAX_VIEW + " participants.");
        }
        List<WantedVideo> wanted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode video : videos) {
            if (!video.isObject()) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD,
                        "Each of 'videos' is an object with participantId and layer.");
            }
            String participantId = participantId(video, "participantId");
            if (!seen.add(participantId)) {
                throw new ProtocolException(ErrorCode.INVALID_FIELD, "'videos' names a participant twice.");
            }
            wanted.add(new WantedVideo(participantId, layer(video)));
        }
        return List.copyOf(wanted);
    }

    private static Layer layer(JsonNode video) {
        String layer = requiredText(video, "layer");
        return switch (layer) {
            case "low" -> Layer.LOW;
            case "medium" -> Layer.MEDIUM;
            case "high" -> Layer.HIGH;
            default -> throw new ProtocolException(ErrorCode.INVALID_FIELD, "'layer' must be low, medium or high.");
        };
    }

    private static String target(JsonNode json) {
        return participantId(json, "to");
    }

    private static String participantId(JsonNode json, String field) {
        String id = requiredText(json, field);
        if (id.length() > MAX_ID_LENGTH) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' is not a participant id.");
        }
        return id;
    }

    /**
     * Absent or null: no share. Browsers make stream ids of letters, digits, {}, - and _.
     */
    private static String streamId(JsonNode json) {
        JsonNode value = json.get("screen");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || !STREAM_ID.matcher(value.asString()).matches()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'screen' must be a stream id or null.");
        }
        return value.asString();
    }

    private static String optionalSdp(JsonNode json) {
        JsonNode value = json.get("sdp");
        return (value == null || value.isNull()) ? null : sdp(json);
    }

    /** An SDP starts with its version line; Janus checks the rest. */
    private static String sdp(JsonNode json) {
        String sdp = requiredText(json, "sdp");
        if (!sdp.startsWith("v=0")) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'sdp' is not a session description.");
        }
        return sdp;
    }

    private static String mid(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || !MID.matcher(value.asString()).matches()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + field + "' must be a transceiver mid or null.");
        }
        return value.asString();
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
