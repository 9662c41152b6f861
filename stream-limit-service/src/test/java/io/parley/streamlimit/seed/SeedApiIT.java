package io.parley.streamlimit.seed;

import java.util.concurrent.ThreadLocalRandom;

import io.parley.streamlimit.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The seed-compatible API: every status code and body of PLATFORM.md §4.2, compared as
 * JSON.
 */
class SeedApiIT {

    private static final String INVALID = "{\"msg\":\"user_id is invalid , needs to be a number\"}";

    private static RunningService service;

    private static WebTestClient client;

    @BeforeAll
    static void start() {
        service = RunningService.start("--parley.streams.seed-api.enabled=true");
        client = service.client();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void startsStreamsUpToTheLimitThenRefuses() {
        long user = newUser();
        for (int count = 1; count <= 3; count++) {
            expect(get("/api/startstream/" + user), 200,
                    "{\"streamStatus\":{\"isNewStreamAllowed\":true,\"streamCount\":" + count + "}}");
        }
        expect(get("/api/startstream/" + user), 200,
                "{\"streamStatus\":{\"isNewStreamAllowed\":false,\"streamCount\":3}}");
    }

    @Test
    void endsStreamsDownToZeroThenSaysNoneAreOpen() {
        long user = newUser();
        get("/api/startstream/" + user).exchange().expectStatus().isOk();
        get("/api/startstream/" + user).exchange().expectStatus().isOk();

        expect(get("/api/endstream/" + user), 200, "{\"streamStatus\":{\"msg\":\"stream closed\",\"streamCount\":1}}");
        expect(get("/api/endstream/" + user), 200, "{\"streamStatus\":{\"msg\":\"stream closed\",\"streamCount\":0}}");
        expect(get("/api/endstream/" + user), 400, "{\"msg\":\"no active streams to close for user\"}");
        expect(get("/api/startstream/" + user), 200,
                "{\"streamStatus\":{\"isNewStreamAllowed\":true,\"streamCount\":1}}");
    }

    @Test
    void endingForAUserWhoNeverStartedIsUnknownUser() {
        expect(get("/api/endstream/" + newUser()), 400, "{\"msg\":\"user_id not present in the database\"}");
    }

    @Test
    void treatsLeadingZerosAsTheSameUser() {
        long user = newUser();
        get("/api/startstream/" + user).exchange().expectStatus().isOk();
        expect(get("/api/endstream/000" + user), 200,
                "{\"streamStatus\":{\"msg\":\"stream closed\",\"streamCount\":0}}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "1.5", "-1", "1e3", "+7", "0x1F", "99999999999999999999999999",
            "1234567890123456789", "%20", "1%2C2", "NaN", "Infinity" })
    void refusesUserIdsThatAreNotWholeNumbers(String userId) {
        expect(client.get().uri(java.net.URI.create(service.baseUrl() + "/api/startstream/" + userId)), 400, INVALID);
        expect(client.get().uri(java.net.URI.create(service.baseUrl() + "/api/endstream/" + userId)), 400, INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "DELETE", "PATCH" })
    void answersOtherMethodsWithMethodNotAllowed(String method) {
        String notAllowed = "{\"msg\":\"Method not allowed\"}";
        HttpMethod httpMethod = HttpMethod.valueOf(method);
        expect(client.method(httpMethod).uri("/api/startstream/1"), 405, notAllowed);
        expect(client.method(httpMethod).uri("/api/endstream/1"), 405, notAllowed);
        expect(client.method(httpMethod).uri("/api"), 405, notAllowed);
    }

    @Test
    void listsTheEndpointsAtTheIndex() {
        expect(get("/api"), 200, """
                {"msg":"stream-limit-service: concurrent-stream limits per user","endpoints":[
                  {"method":"GET","path":"/api/startstream/{user_id}",
                   "description":"start a stream for the user if under the limit"},
                  {"method":"GET","path":"/api/endstream/{user_id}","description":"close one of the user's streams"}]}
                """);
    }

    @Test
    void keepsItsStreamsApartFromTheRestApisStreamsOfTheSameUser() {
        long user = newUser();
        client.post()
            .uri("/api/streams")
            .header("X-Api-Key", RunningService.API_KEY)
            .bodyValue(java.util.Map.of("userId", String.valueOf(user), "streamId", "call"))
            .exchange()
            .expectStatus()
            .isCreated();

        expect(get("/api/startstream/" + user), 200,
                "{\"streamStatus\":{\"isNewStreamAllowed\":true,\"streamCount\":2}}");
        expect(get("/api/endstream/" + user), 200, "{\"streamStatus\":{\"msg\":\"stream closed\",\"streamCount\":1}}");
        expect(get("/api/endstream/" + user), 400, "{\"msg\":\"no active streams to close for user\"}");
    }

    private static WebTestClient.RequestHeadersSpec<?> get(String path) {
        return client.get().uri(path);
    }

    private static void expect(WebTestClient.RequestHeadersSpec<?> request, int status, String json) {
        request.exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .json(json, JsonCompareMode.STRICT);
    }

    private static long newUser() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 999_999_999_999_999L);
    }

}
