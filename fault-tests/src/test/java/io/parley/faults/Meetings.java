package io.parley.faults;

import io.parley.faults.Http.Reply;
import tools.jackson.databind.JsonNode;

/**
 * meeting-service as a client sees it: a meeting per scenario, and a participant (with
 * its join token) per client of the load.
 */
final class Meetings {

    private final String url;

    Meetings(String url) {
        this.url = url;
    }

    /** A new meeting and its host. */
    Participant create(String hostName) {
        JsonNode created = expect(Http.send("POST", url + "/api/meetings", null,
                "{\"hostName\":\"" + hostName + "\",\"maxParticipants\":50}"), 201);
        JsonNode host = created.path("host");
        return new Participant(created.path("meetingId").asString(), host.path("participantId").asString(),
                host.path("token").asString());
    }

    Participant join(String meetingId, String name) {
        JsonNode joined = expect(Http.send("POST", url + "/api/meetings/" + meetingId + "/participants", null,
                "{\"name\":\"" + name + "\"}"), 201);
        return new Participant(meetingId, joined.path("participantId").asString(), joined.path("token").asString());
    }

    private static JsonNode expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("meeting-service answered " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** A participant of a meeting and the join token that proves it. */
    record Participant(String meetingId, String participantId, String token) {
    }

}
