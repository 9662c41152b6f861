package io.parley.quality.sfu;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what Janus's sample event handler posts: one event object, or an array of them
 * with {@code grouping}. Structure is checked (an event is an object with a numeric
 * {@code type}), content only as far as the collector uses it: an event of another type
 * is kept with its type and no streams, a number Janus did not send is 0, so a Janus
 * release that adds fields or event types changes nothing here.
 */
public final class JanusEventParser {

    /** More than any Janus post holds: a bound on the work one post can cause. */
    static final int MAX_EVENTS = 10_000;

    private final JsonMapper json;

    public JanusEventParser(JsonMapper json) {
        this.json = json;
    }

    public List<JanusEvent> parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (JacksonException ex) {
            throw new InvalidJanusEventsException("The body is not valid JSON: " + ex.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidJanusEventsException("The body is empty; Janus posts an event or an array of events.");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            if (root.size() > MAX_EVENTS) {
                throw new InvalidJanusEventsException("A post may hold at most " + MAX_EVENTS + " events.");
            }
            root.forEach(nodes::add);
        }
        else {
            nodes.add(root);
        }
        List<JanusEvent> events = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            events.add(event(nodes.get(i), i));
        }
        return events;
    }

    private static JanusEvent event(JsonNode node, int index) {
        if (!node.isObject() || !node.path("type").isIntegralNumber()) {
            throw new InvalidJanusEventsException(
                    "Event " + index + " is not a Janus event (an object with a numeric type).");
        }
        int type = node.path("type").asInt();
        int subtype = node.path("subtype").asInt(0);
        JsonNode body = node.path("event");
        String opaqueId = text(node.path("opaque_id"));
        if (opaqueId == null) {
            // Janus releases before 1.0 put it in the handle event's body only
            opaqueId = text(body.path("opaque_id"));
        }
        List<JanusEvent.StreamStats> streams = List.of();
        if (type == JanusEvent.MEDIA && subtype == JanusEvent.MEDIA_STATS) {
            streams = streams(body, index);
        }
        return new JanusEvent(type, subtype, number(node.path("timestamp")), number(node.path("session_id")),
                number(node.path("handle_id")), opaqueId, text(body.path("name")), streams);
    }

    /** One object per stream, or an array of them ({@code combine_media_stats}). */
    private static List<JanusEvent.StreamStats> streams(JsonNode body, int index) {
        List<JanusEvent.StreamStats> streams = new ArrayList<>();
        if (body.isObject()) {
            streams.add(stream(body));
        }
        else if (body.isArray()) {
            for (JsonNode stream : body) {
                if (!stream.isObject()) {
                    throw new InvalidJanusEventsException("Event " + index + " has a stream that is not an object.");
                }
                streams.add(stream(stream));
            }
        }
        else {
            throw new InvalidJanusEventsException("Event " + index + " is media statistics without a body.");
        }
        return streams;
    }

    private static JanusEvent.StreamStats stream(JsonNode stream) {
        return new JanusEvent.StreamStats(text(stream.path("mid")), text(stream.path("media")),
                number(stream.path("rtt")), number(stream.path("lost")), number(stream.path("lost-by-remote")),
                number(stream.path("jitter-local")), number(stream.path("jitter-remote")),
                number(stream.path("packets-received")), number(stream.path("packets-sent")),
                number(stream.path("bytes-received-lastsec")), number(stream.path("bytes-sent-lastsec")),
                number(stream.path("nacks-received")), number(stream.path("nacks-sent")));
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    /** Janus's counters are non-negative integers; anything else counts as not sent. */
    private static long number(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() ? Math.max(0, node.asLong()) : 0;
    }

}
