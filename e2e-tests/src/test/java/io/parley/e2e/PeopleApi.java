package io.parley.e2e;

import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One signed-in person through the gateway's REST API, for set-up a test does without a
 * browser: keeps the session cookie as a browser does, and the latest access token.
 */
final class PeopleApi {

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final JsonMapper json = JsonMapper.builder().build();

    private String accessToken;

    /** Signs up and keeps the answer's access token; returns the account id. */
    String signUp(String email, String name, String password) {
        JsonNode answer = post("/api/accounts",
                json.createObjectNode().put("email", email).put("displayName", name).put("password", password), 201);
        accessToken = answer.path("accessToken").asString();
        return answer.path("account").path("accountId").asString();
    }

    /**
     * A fresh access token from the session cookie, e.g. to carry a membership made since
     * the last one.
     */
    void refresh() {
        accessToken = post("/api/session/refresh", json.createObjectNode(), 200).path("accessToken").asString();
    }

    JsonNode post(String path, JsonNode body, int expectedStatus) {
        return send("POST", path, body, expectedStatus);
    }

    JsonNode get(String path) {
        return send("GET", path, null, 200);
    }

    String accessToken() {
        return accessToken;
    }

    /**
     * A request of any method; the answer's body as JSON, or an empty object when it has
     * none.
     */
    JsonNode send(String method, String path, JsonNode body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Platform.GATEWAY.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (accessToken != null && !path.startsWith("/api/session")) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError(method + " " + path + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + ": expected " + expectedStatus + " but got "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
    }

    JsonMapper json() {
        return json;
    }

}
