package io.parley.people;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import io.parley.harness.http.OversizedBodies;
import io.parley.people.ContactsClient.Person;
import io.parley.tokens.JoinToken;
import io.parley.tokens.JoinTokenSigner;
import io.parley.tokens.Role;
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
 * Malformed, mistyped, oversized and unauthorized input to every contact, block, message
 * and call endpoint: 4xx problem details, never 5xx. Paths name a real contact of the
 * signed-in person, so that it is the input that is refused, not the person.
 */
class ContactsBadInputIT {

    private static final String BIG = "{\"clientMessageId\":\"big\",\"text\":\"" + "x".repeat(20_000) + "\"}";

    private static RunningPeopleService service;

    private static WebTestClient client;

    private static Person ada;

    private static String contactId;

    private static String messageId;

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("contacts_bad_input_it");
        client = service.client();
        ContactsClient people = new ContactsClient(client);
        ada = people.signUp("Ada");
        contactId = people.connect(ada, people.signUp("Grace"));
        messageId = people.message(ada, contactId, "hello").path("messageId").asString();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /** Method, path (with {@code C} for the contact id), body, expected status. */
    static Stream<Arguments> badBodies() {
        return Stream.of(Arguments.of("POST", "/api/contacts/requests", "{", 400),
                Arguments.of("POST", "/api/contacts/requests", "[]", 400),
                Arguments.of("POST", "/api/contacts/requests", "{\"email\":42}", 400),
                Arguments.of("POST", "/api/contacts/requests", "{\"email\":\"not an address\"}", 400),
                Arguments.of("POST", "/api/contacts/requests", "{}", 400),
                Arguments.of("POST", "/api/contacts/requests", BIG, 413),
                Arguments.of("POST", "/api/blocks", "{\"accountId\":true}", 400),
                Arguments.of("POST", "/api/blocks", "{\"accountId\":\"someone\"}", 400),
                Arguments.of("POST", "/api/blocks", "not json", 400), Arguments.of("POST", "/api/blocks", BIG, 413),
                Arguments.of("POST", "/api/contacts/C/messages", "{", 400),
                Arguments.of("POST", "/api/contacts/C/messages", "{\"clientMessageId\":1,\"text\":\"x\"}", 400),
                Arguments.of("POST", "/api/contacts/C/messages", "{\"clientMessageId\":\"a\",\"text\":[\"x\"]}", 400),
                Arguments.of("POST", "/api/contacts/C/messages", "{\"clientMessageId\":\"a\",\"text\":false}", 400),
                Arguments.of("POST", "/api/contacts/C/messages", "{\"clientMessageId\":\"a\"}", 400),
                Arguments.of("POST", "/api/contacts/C/messages",
                        "{\"clientMessageId\":\"" + "i".repeat(65) + "\",\"text\":\"x\"}", 400),
                Arguments.of("POST", "/api/contacts/C/messages", "{\"clientMessageId\":\"a\",\"text\":\"\\u0000\"}",
                        400),
                Arguments.of("POST", "/api/contacts/C/messages",
                        "{\"clientMessageId\":\"a\",\"text\":\"\\ud800 alone\"}", 400),
                Arguments.of("POST", "/api/contacts/C/messages", BIG, 413),
                Arguments.of("POST", "/api/contacts/C/read", "{\"upTo\":7}", 400),
                Arguments.of("POST", "/api/contacts/C/read", "{\"upTo\":\"not-an-id\"}", 400),
                Arguments.of("POST", "/api/contacts/C/read", "{\"upTo\":\"" + UUID.randomUUID() + "\"}", 400),
                Arguments.of("POST", "/api/contacts/C/read", "{}", 400),
                Arguments.of("POST", "/api/contacts/C/read", "", 400),
                Arguments.of("POST", "/api/contacts/C/read", BIG, 413));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("badBodies")
    void badBodiesAreProblemDetails(String method, String path, String body, int status) {
        WebTestClient target = body.length() > 16 * 1024 ? OversizedBodies.client(service.baseUrl()) : client;
        target.method(HttpMethod.valueOf(method))
            .uri(path.replace("C", contactId))
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> badQueriesAndPaths() {
        return Stream.of(Arguments.of("GET", "/api/contacts/C/messages?limit=-1", 400),
                Arguments.of("GET", "/api/contacts/C/messages?limit=1e3", 400),
                Arguments.of("GET", "/api/contacts/C/messages?before=" + "A".repeat(300), 400),
                Arguments.of("GET", "/api/contacts/C/messages?before=aDEuMS4y", 400),
                Arguments.of("GET", "/api/calls?state=everything", 400),
                Arguments.of("POST", "/api/contacts/requests/not-a-uuid/decline", 404),
                Arguments.of("DELETE", "/api/contacts/not-a-uuid", 404),
                Arguments.of("DELETE", "/api/blocks/not-a-uuid", 404),
                Arguments.of("POST", "/api/calls/not-a-uuid/answer", 404),
                Arguments.of("POST", "/api/calls/" + UUID.randomUUID() + "/decline", 404),
                Arguments.of("DELETE", "/api/calls/not-a-uuid", 404),
                Arguments.of("POST", "/api/contacts/not-a-uuid/calls", 403));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("badQueriesAndPaths")
    void badQueriesAndIdsAreProblemDetails(String method, String path, int status) {
        client.method(HttpMethod.valueOf(method))
            .uri(path.replace("/C/", "/" + contactId + "/"))
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + ada.token())
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    static Stream<Arguments> protectedEndpoints() {
        return Stream.of(Arguments.of("POST", "/api/contacts/requests"), Arguments.of("GET", "/api/contacts/requests"),
                Arguments.of("POST", "/api/contacts/requests/R/accept"),
                Arguments.of("POST", "/api/contacts/requests/R/decline"), Arguments.of("GET", "/api/contacts"),
                Arguments.of("DELETE", "/api/contacts/C"), Arguments.of("POST", "/api/blocks"),
                Arguments.of("GET", "/api/blocks"), Arguments.of("DELETE", "/api/blocks/R"),
                Arguments.of("POST", "/api/contacts/C/messages"), Arguments.of("GET", "/api/contacts/C/messages"),
                Arguments.of("POST", "/api/contacts/C/read"), Arguments.of("POST", "/api/contacts/C/calls"),
                Arguments.of("GET", "/api/calls?state=ringing"), Arguments.of("POST", "/api/calls/R/answer"),
                Arguments.of("POST", "/api/calls/R/decline"), Arguments.of("DELETE", "/api/calls/R"));
    }

    /**
     * No token, a malformed one, a forged one, and a join token signed with the very key
     * of access tokens.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("protectedEndpoints")
    void withoutAnAccessTokenEveryEndpointIs401(String method, String path) {
        Instant now = Instant.now();
        String joinToken = new JoinTokenSigner(RunningPeopleService.KEY, "parley")
            .sign(new JoinToken(ada.id(), "m-" + UUID.randomUUID(), "p-1", "Ada", Role.HOST,
                    UUID.randomUUID().toString(), now, now.plusSeconds(600)));
        String target = path.replace("/C", "/" + contactId).replace("/R", "/" + UUID.randomUUID());
        for (String authorization : new String[] { null, "Bearer not.a.jwt", "Bearer e30.e30.sig",
                "Bearer " + joinToken }) {
            WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method))
                .uri(target)
                .contentType(MediaType.APPLICATION_JSON);
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            request.bodyValue("{\"clientMessageId\":\"x\",\"text\":\"y\",\"upTo\":\"" + messageId + "\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

}
