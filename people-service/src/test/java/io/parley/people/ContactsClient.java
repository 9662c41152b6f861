package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** People who sign up, become contacts, write and call each other, for tests. */
public final class ContactsClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebTestClient client;

    private final PeopleClient people;

    public ContactsClient(WebTestClient client) {
        this.client = client;
        this.people = new PeopleClient(client);
    }

    /** A signed-up person. */
    public record Person(String name, String email, PeopleClient.SignedIn signedIn) {

        public String id() {
            return signedIn.accountId();
        }

        public String token() {
            return signedIn.accessToken();
        }
    }

    public Person signUp(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        return new Person(name, email, people.signUp(email, name, "contacts and calls"));
    }

    /** {@code a} asks {@code b}, {@code b} accepts: the contact id. */
    public String connect(Person a, Person b) {
        assertThat(send(HttpMethod.POST, "/api/contacts/requests", a, "{\"email\":\"" + b.email() + "\"}").expectBody()
            .returnResult()
            .getStatus()
            .value()).isEqualTo(202);
        String requestId = null;
        for (JsonNode incoming : json(HttpMethod.GET, "/api/contacts/requests", b, null).path("incoming")) {
            if (incoming.path("from").path("accountId").asString().equals(a.id())) {
                requestId = incoming.path("requestId").asString();
            }
        }
        assertThat(requestId).as("b sees a's request").isNotNull();
        JsonNode added = JSON
            .readTree(send(HttpMethod.POST, "/api/contacts/requests/" + requestId + "/accept", b, null).expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody());
        return added.path("contactId").asString();
    }

    /** A text message from {@code from}; the stored message. */
    public JsonNode message(Person from, String contactId, String text) {
        return JSON.readTree(send(HttpMethod.POST, "/api/contacts/" + contactId + "/messages", from,
                JSON.writeValueAsString(Map.of("clientMessageId", UUID.randomUUID().toString(), "text", text)))
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult()
            .getResponseBody());
    }

    public WebTestClient.ResponseSpec send(HttpMethod method, String path, Person as, String body) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path);
        if (as != null) {
            request.headers(headers -> headers.setBearerAuth(as.token()));
        }
        return (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body)).exchange();
    }

    /** The answer's body, after checking it is a 2xx. */
    public JsonNode json(HttpMethod method, String path, Person as, String body) {
        byte[] answer = send(method, path, as, body).expectStatus()
            .is2xxSuccessful()
            .expectBody()
            .returnResult()
            .getResponseBody();
        return answer == null ? JSON.missingNode() : JSON.readTree(answer);
    }

    public static JsonNode parse(byte[] body) {
        return JSON.readTree(body);
    }

}
