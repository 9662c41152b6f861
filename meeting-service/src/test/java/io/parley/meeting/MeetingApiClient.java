package io.parley.meeting;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Short-hands for the calls most tests make, each asserting the success status. */
final class MeetingApiClient {

    private final WebTestClient client;

    MeetingApiClient(WebTestClient client) {
        this.client = client;
    }

    /** A created meeting: its id and the host's participant id and token. */
    record Created(String meetingId, String hostId, String hostToken, Map<String, Object> body) {
    }

    /** A participant: id and token. */
    record Joined(String participantId, String token) {
    }

    Created create(String hostName) {
        return create(Map.of("hostName", hostName));
    }

    @SuppressWarnings("unchecked")
    Created create(Map<String, Object> body) {
        Map<String, Object> created = client.post()
            .uri("/api/meetings")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        Map<String, Object> host = (Map<String, Object>) created.get("host");
        return new Created((String) created.get("meetingId"), (String) host.get("participantId"),
                (String) host.get("token"), created);
    }

    Created create(String hostName, int maxParticipants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hostName", hostName);
        body.put("maxParticipants", maxParticipants);
        return create(body);
    }

    @SuppressWarnings("unchecked")
    Joined join(String meetingId, String name) {
        Map<String, Object> joined = client.post()
            .uri("/api/meetings/{id}/participants", meetingId)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("name", name))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
        return new Joined((String) joined.get("participantId"), (String) joined.get("token"));
    }

    WebTestClient.ResponseSpec post(String path, String token, Object... uriVariables) {
        return client.post().uri(path, uriVariables).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    WebTestClient.ResponseSpec postJson(String path, String token, Object body, Object... uriVariables) {
        return client.post().uri(path, uriVariables).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec delete(String path, String token, Object... uriVariables) {
        return client.delete().uri(path, uriVariables).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    /** The JSON object a response carries. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String meetingId) {
        return client.get()
            .uri("/api/meetings/{id}", meetingId)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    }

}
