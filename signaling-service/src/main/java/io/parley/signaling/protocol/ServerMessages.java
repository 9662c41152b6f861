package io.parley.signaling.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds every server → client message as JSON text. */
@Component
public class ServerMessages {

    private final JsonMapper json;

    public ServerMessages(JsonMapper json) {
        this.json = json;
    }

    public JsonNode read(String text) {
        return json.readTree(text);
    }

    private ObjectNode message(MessageType type) {
        ObjectNode node = json.createObjectNode();
        node.put("type", type.wireName());
        return node;
    }

    private String write(ObjectNode node) {
        return json.writeValueAsString(node);
    }

    public String relay(MessageType type, String from, JsonNode payload) {
        ObjectNode node = message(type);
        node.put("from", from);
        node.set(type == MessageType.ICE ? "candidate" : "sdp", payload);
        return write(node);
    }

    public String welcome(String participantId, Object meeting, List<?> participants, List<?> iceServers,
            List<JsonNode> chatHistory, String mediaMode) {
        ObjectNode node = message(MessageType.WELCOME);
        node.put("participantId", participantId);
        node.set("meeting", json.valueToTree(meeting));
        node.putObject("media").put("mode", mediaMode);
        node.set("participants", json.valueToTree(participants));
        node.set("iceServers", json.valueToTree(iceServers));
        node.set("chatHistory", json.valueToTree(chatHistory));
        return write(node);
    }

    public String participant(MessageType type, Object participant) {
        ObjectNode node = message(type);
        node.set("participant", json.valueToTree(participant));
        return write(node);
    }

    public String chat(String id, String from, String name, String text, Instant sentAt) {
        ObjectNode node = message(MessageType.CHAT);
        node.put("id", id);
        node.put("from", from);
        node.put("name", name);
        node.put("text", text);
        node.put("sentAt", sentAt.toString());
        return write(node);
    }

    public String of(MessageType type, Map<String, ?> fields) {
        ObjectNode node = message(type);
        fields.forEach((name, value) -> node.set(name, json.valueToTree(value)));
        return write(node);
    }

    public String of(MessageType type) {
        return write(message(type));
    }

    public String error(ErrorCode code, String text) {
        ObjectNode node = message(MessageType.ERROR);
        node.put("code", code.wireName());
        node.put("message", text);
        return write(node);
    }

    public String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    public <T> T fromJson(String text, Class<T> type) {
        return json.readValue(text, type);
    }

}
