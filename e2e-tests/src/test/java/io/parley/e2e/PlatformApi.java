package io.parley.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's REST API through the gateway, for the set-up a test does without a
 * browser.
 */
final class PlatformApi {

    private static final Pattern SESSIONS = Pattern
        .compile("(?m)^parley_signaling_sessions(?:\\{[^}]*})?\\s+([0-9.eE+-]+)");

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final JsonMapper json = JsonMapper.builder().build();

    record Response(int status, JsonNode body) {
    }

    /** POST /api/meetings as a guest; {@code maxParticipants} may be null. */
    JsonNode createMeeting(String hostName, Integer maxParticipants) {
        ObjectNode body = json.createObjectNode().put("hostName", hostName);
        if (maxParticipants != null) {
            body.put("maxParticipants", maxParticipants);
        }
        return expect(201, post("/api/meetings", body, null));
    }

    /**
     * POST /api/meetings as a guest with how its media travels ({@code mesh}, {@code sfu}
     * or {@code auto}).
     */
    JsonNode createMeetingWithMedia(String hostName, String media) {
        return expect(201,
                post("/api/meetings", json.createObjectNode().put("hostName", hostName).put("media", media), null));
    }

    JsonNode join(String meetingId, String name) {
        return expect(201,
                post("/api/meetings/" + meetingId + "/participants", json.createObjectNode().put("name", name), null));
    }

    /**
     * POST /api/streams with a join token: a stream lease for the token's user, as
     * signaling takes one per socket.
     */
    Response startStream(String token) {
        return post("/api/streams", json.createObjectNode(), token);
    }

    /**
     * POST /api/quality/beacons with a join token: one quality sample of the token's
     * participant, as the browser's sendBeacon posts it.
     */
    Response beacon(JsonNode beacon, String token) {
        return post("/api/quality/beacons", beacon, token);
    }

    Response get(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(Platform.GATEWAY.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
        return response(send(request));
    }

    /**
     * The sockets a signaling instance holds right now (its parley.signaling.sessions
     * gauge).
     */
    int signalingSessions(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
        String metrics = send(request).body();
        Matcher matcher = SESSIONS.matcher(metrics);
        if (!matcher.find()) {
            throw new AssertionError("no parley_signaling_sessions gauge on port " + port);
        }
        return (int) Double.parseDouble(matcher.group(1));
    }

    private Response post(String path, JsonNode body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Platform.GATEWAY.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return response(send(request.build()));
    }

    private Response response(HttpResponse<String> response) {
        String text = response.body();
        return new Response(response.statusCode(),
                text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    private static JsonNode expect(int status, Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response.status() + ": " + response.body());
        }
        return response.body();
    }

}
