package io.parley.people;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Malformed, mistyped, oversized and unauthorized input to every account endpoint: 4xx
 * problem details, never 5xx.
 */
class BadInputIT {

    private static RunningPeopleService service;

    private static WebTestClient client;

    private static String bearer;

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("bad_input_it", "--parley.people.throttle.address-failures=10000");
        client = service.client();
        bearer = PeopleClient.bearer(new PeopleClient(client).signUp("bad-" + UUID.randomUUID() + "@example.org",
                "Bad Input", "a proper password"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static Stream<Arguments> badBodies() {
        String big = "x".repeat(20_000);
        return Stream.of(Arguments.of("POST", "/api/accounts", "{", 400),
                Arguments.of("POST", "/api/accounts", "[]", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":true,\"displayName\":\"A\",\"password\":\"long enough pw\"}", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":\"a@b.org\",\"displayName\":7,\"password\":\"long enough pw\"}", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":\"a@b.org\",\"displayName\":\"A\",\"password\":1234567890123}", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":\"a@b.org\",\"displayName\":\"A\\u0007B\",\"password\":\"long enough pw\"}", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":\"a@b.org\",\"displayName\":\"A\\u202eB\",\"password\":\"long enough pw\"}", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":\"not-an-email\",\"displayName\":\"A\",\"password\":\"long enough pw\"}", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":\"a@b.org\",\"displayName\":\"A\",\"password\":\"short\"}", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":\"a@b.org\",\"displayName\":\"A\",\"password\":\"qwertyuiop\"}", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":\"a@b.org\",\"displayName\":\"A\",\"password\":\"" + "p".repeat(257) + "\"}", 400),
                Arguments.of("POST", "/api/accounts",
                        "{\"email\":\"a@b.org\",\"displayName\":\"" + "n".repeat(65)
                                + "\",\"password\":\"long enough pw\"}",
                        400),
                Arguments.of("POST", "/api/accounts", "{\"email\":\"a@b.org\",\"displayName\":\"" + big + "\"}", 413),
                Arguments.of("POST", "/api/session", "{\"email\":[],\"password\":\"x\"}", 400),
                Arguments.of("POST", "/api/session", "{\"email\":\"a@b.org\"}", 400),
                Arguments.of("POST", "/api/session", "not json", 400));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("badBodies")
    void badBodiesAreProblemDetails(String method, String path, String body, int status) {
        client.method(HttpMethod.valueOf(method))
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> signedInBadBodies() {
        return Stream.of(Arguments.of("PATCH", "/api/me", "{\"displayName\":true}", 400),
                Arguments.of("PATCH", "/api/me", "{\"displayName\":\"\"}", 400),
                Arguments.of("PATCH", "/api/me", "{", 400),
                Arguments.of("POST", "/api/me/password",
                        "{\"currentPassword\":\"a proper password\",\"newPassword\":\"1234567890\"}", 400),
                Arguments.of("POST", "/api/me/password",
                        "{\"currentPassword\":5,\"newPassword\":\"long enough new pw\"}", 400),
                Arguments.of("DELETE", "/api/me/sessions/not-a-uuid", null, 404),
                Arguments.of("DELETE", "/api/me/sessions/" + UUID.randomUUID(), null, 404));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("signedInBadBodies")
    void badInputFromASignedInPersonIsAProblemDetail(String method, String path, String body, int status) {
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method))
            .uri(path)
            .header(HttpHeaders.AUTHORIZATION, bearer)
            .contentType(MediaType.APPLICATION_JSON);
        (body == null ? request : request.bodyValue(body)).exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(Arguments.of("GET", "/api/me"), Arguments.of("PATCH", "/api/me"),
                Arguments.of("POST", "/api/me/password"), Arguments.of("GET", "/api/me/sessions"),
                Arguments.of("DELETE", "/api/me/sessions"), Arguments.of("GET", "/api/me/export"),
                Arguments.of("DELETE", "/api/me"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedEndpoints")
    void withoutOrWithAForgedTokenEveryProtectedEndpointIs401(String method, String path) {
        for (String authorization : new String[] { null, "Bearer not.a.jwt", "Bearer " + "e30.e30.sig" }) {
            WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON);
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            request.bodyValue("{}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

}
