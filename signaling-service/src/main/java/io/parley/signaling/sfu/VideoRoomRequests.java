package io.parley.signaling.sfu;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The parts of VideoRoom requests and replies that a participant's handles share. */
final class VideoRoomRequests {

    private VideoRoomRequests() {
    }

    static ObjectNode body(String request) {
        return JsonNodeFactory.instance.objectNode().put("request", request);
    }

    static ObjectNode jsep(String type, String sdp) {
        // the browser waited for its candidates: they are all in the SDP
        return JsonNodeFactory.instance.objectNode().put("type", type).put("sdp", sdp).put("trickle", false);
    }

    static ArrayNode streams(List<FeedStream> streams) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        streams.forEach((stream) -> array.addObject().put("feed", stream.feed()).put("mid", stream.mid()));
        return array;
    }

    static JsonNode data(JsonNode reply) {
        return reply.path("plugindata").path("data");
    }

}
