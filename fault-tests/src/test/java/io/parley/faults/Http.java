package io.parley.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JDK's HTTP client with a short timeout: a request that gets no answer in time is an
 * outcome (status 0) for the load to count, not an exception.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Http() {
    }

    static Reply send(String method, String url, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
        catch (IOException ex) {
            return new Reply(0, "", ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Reply(0, "", "interrupted");
        }
    }

    /** An answer: status 0 when none came (refused, reset, timed out). */
    record Reply(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

    }

}
