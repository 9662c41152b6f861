package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.parley.people.ContactsClient.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/**
 * Contact requests, contacts and blocks (PEOPLE.md §3) on real PostgreSQL, Redis and
 * Kafka.
 */
class ContactsIT {

    private static RunningPeopleService service;

    private static ContactsClient people;

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("contacts_it");
        people = new ContactsClient(service.client());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static int status(HttpMethod method, String path, Person as, String body) {
        return people.send(method, path, as, body).expectBody().returnResult().getStatus().value();
    }

    private static String ask(String email) {
        return "{\"email\":\"" + email + "\"}";
    }

    private static List<String> contactIds(Person person) {
        List<String> ids = new ArrayList<>();
        people.json(HttpMethod.GET, "/api/contacts", person, null)
            .path("contacts")
            .forEach(contact -> ids.add(contact.path("contactId").asString()));
        return ids;
    }

    @Test
    void askingIs202WhetherOrNotTheAddressHasAnAccount() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String nobody = "nobody-" + UUID.randomUUID() + "@example.org";

        assertThat(status(HttpMethod.POST, "/api/contacts/requests", ada, ask(nobody))).isEqualTo(202);
        assertThat(status(HttpMethod.POST, "/api/contacts/requests", ada, ask(grace.email().toUpperCase())))
            .isEqualTo(202);
        // asking again changes nothing
        assertThat(status(HttpMethod.POST, "/api/contacts/requests", ada, ask(grace.email()))).isEqualTo(202);

        JsonNode mine = people.json(HttpMethod.GET, "/api/contacts/requests", ada, null);
        assertThat(mine.path("outgoing")).hasSize(2);
        assertThat(mine.path("outgoing").findValuesAsString("email")).containsExactlyInAnyOrder(nobody,
                grace.email().toUpperCase());
        assertThat(mine.path("incoming")).isEmpty();
        JsonNode theirs = people.json(HttpMethod.GET, "/api/contacts/requests", grace, null);
        assertThat(theirs.path("incoming")).hasSize(1);
        assertThat(theirs.path("incoming").get(0).path("from").path("accountId").asString()).isEqualTo(ada.id());
        assertThat(theirs.path("incoming").get(0).path("from").path("displayName").asString()).isEqualTo("Ada");
        assertThat(status(HttpMethod.POST, "/api/contacts/requests", ada, ask(ada.email()))).isEqualTo(400);
    }

    @Test
    void onlyTheAddresseeAcceptsOrDeclines() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        Person eve = people.signUp("Eve");
        people.send(HttpMethod.POST, "/api/contacts/requests", ada, ask(grace.email())).expectStatus().isAccepted();
        String requestId = people.json(HttpMethod.GET, "/api/contacts/requests", grace, null)
            .path("incoming")
            .get(0)
            .path("requestId")
            .asString();
        String accept = "/api/contacts/requests/" + requestId + "/accept";

        assertThat(status(HttpMethod.POST, accept, eve, null)).isEqualTo(403);
        assertThat(status(HttpMethod.POST, accept, ada, null)).isEqualTo(403);
        assertThat(status(HttpMethod.POST, "/api/contacts/requests/" + requestId + "/decline", eve, null))
            .isEqualTo(403);
        JsonNode added = people.json(HttpMethod.POST, accept, grace, null);

        String contactId = added.path("contactId").asString();
        assertThat(added.path("contact").path("accountId").asString()).isEqualTo(ada.id());
        assertThat(added.path("contact").path("displayName").asString()).isEqualTo("Ada");
        assertThat(contactIds(ada)).containsExactly(contactId);
        assertThat(contactIds(grace)).containsExactly(contactId);
        JsonNode listed = people.json(HttpMethod.GET, "/api/contacts", ada, null).path("contacts").get(0);
        assertThat(listed.path("account").path("accountId").asString()).isEqualTo(grace.id());
        assertThat(listed.path("unread").asLong()).isZero();
        assertThat(listed.path("lastMessage").isNull()).isTrue();
        assertThat(listed.has("presence")).as("presence comes over the user socket").isFalse();
        // the request is used up
        assertThat(status(HttpMethod.POST, accept, grace, null)).isEqualTo(404);
        assertThat(people.json(HttpMethod.GET, "/api/contacts/requests", ada, null).path("outgoing")).isEmpty();
    }

    @Test
    void aDeclinedRequestIsGoneAndTheAskerIsNotTold() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        people.send(HttpMethod.POST, "/api/contacts/requests", ada, ask(grace.email())).expectStatus().isAccepted();
        String requestId = people.json(HttpMethod.GET, "/api/contacts/requests", grace, null)
            .path("incoming")
            .get(0)
            .path("requestId")
            .asString();

        assertThat(status(HttpMethod.POST, "/api/contacts/requests/" + requestId + "/decline", grace, null))
            .isEqualTo(204);

        assertThat(people.json(HttpMethod.GET, "/api/contacts/requests", grace, null).path("incoming")).isEmpty();
        assertThat(contactIds(ada)).isEmpty();
        assertThat(status(HttpMethod.POST, "/api/contacts/requests/" + UUID.randomUUID() + "/accept", grace, null))
            .isEqualTo(404);
        assertThat(status(HttpMethod.POST, "/api/contacts/requests/not-a-uuid/accept", grace, null)).isEqualTo(404);
    }

    @Test
    void askingEachOtherMakesOneContactAtOnce() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");

        people.send(HttpMethod.POST, "/api/contacts/requests", ada, ask(grace.email())).expectStatus().isAccepted();
        people.send(HttpMethod.POST, "/api/contacts/requests", grace, ask(ada.email())).expectStatus().isAccepted();

        assertThat(contactIds(ada)).hasSize(1).isEqualTo(contactIds(grace));
        assertThat(people.json(HttpMethod.GET, "/api/contacts/requests", ada, null).path("incoming")).isEmpty();
        assertThat(people.json(HttpMethod.GET, "/api/contacts/requests", grace, null).path("outgoing")).isEmpty();
        // asking a contact changes nothing
        people.send(HttpMethod.POST, "/api/contacts/requests", ada, ask(grace.email())).expectStatus().isAccepted();
        assertThat(people.json(HttpMethod.GET, "/api/contacts/requests", grace, null).path("incoming")).isEmpty();
    }

    @Test
    void theDatabaseKeepsOneContactPerPairWhicheverWayRound() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        people.connect(ada, grace);
        DatabaseClient db = service.bean(DatabaseClient.class);

        StepVerifier
            .create(db.sql("insert into contact (id, account_a, account_b, created_at) " + "values (:id, :a, :b, :now)")
                .bind("id", UUID.randomUUID())
                .bind("a", UUID.fromString(grace.id()))
                .bind("b", UUID.fromString(ada.id()))
                .bind("now", Instant.now())
                .then())
            .expectError(DataIntegrityViolationException.class)
            .verify();
    }

    @Test
    void blockingEndsTheContactAndTheBlockedPersonsRequestsGoNowhere() {
        Person ada = people.signUp("Ada");
        Person mallory = people.signUp("Mallory");
        people.connect(mallory, ada);

        assertThat(status(HttpMethod.POST, "/api/blocks", ada, "{\"accountId\":\"" + mallory.id() + "\"}"))
            .isEqualTo(204);

        assertThat(contactIds(ada)).isEmpty();
        assertThat(contactIds(mallory)).isEmpty();
        // to Mallory this looks like any request
        assertThat(status(HttpMethod.POST, "/api/contacts/requests", mallory, ask(ada.email()))).isEqualTo(202);
        assertThat(people.json(HttpMethod.GET, "/api/contacts/requests", mallory, null).path("outgoing")).hasSize(1);
        assertThat(people.json(HttpMethod.GET, "/api/contacts/requests", ada, null).path("incoming")).isEmpty();
        assertThat(status(HttpMethod.POST, "/api/contacts/requests", ada, ask(mallory.email()))).isEqualTo(409);
        JsonNode blocks = people.json(HttpMethod.GET, "/api/blocks", ada, null).path("blocks");
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).path("accountId").asString()).isEqualTo(mallory.id());

        // unblocking does not bring back what was asked meanwhile
        assertThat(status(HttpMethod.DELETE, "/api/blocks/" + mallory.id(), ada, null)).isEqualTo(204);
        assertThat(status(HttpMethod.DELETE, "/api/blocks/" + mallory.id(), ada, null)).isEqualTo(204);
        assertThat(people.json(HttpMethod.GET, "/api/contacts/requests", ada, null).path("incoming")).isEmpty();
        assertThat(people.json(HttpMethod.GET, "/api/blocks", ada, null).path("blocks")).isEmpty();
        assertThat(status(HttpMethod.POST, "/api/blocks", ada, "{\"accountId\":\"" + ada.id() + "\"}")).isEqualTo(400);
        assertThat(status(HttpMethod.POST, "/api/blocks", ada, "{\"accountId\":\"" + UUID.randomUUID() + "\"}"))
            .isEqualTo(404);
    }

    @Test
    void removingAContactEndsItForBothAndItsHistoryForBoth() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        people.message(ada, contactId, "before we part");

        assertThat(status(HttpMethod.DELETE, "/api/contacts/" + contactId, grace, null)).isEqualTo(204);

        assertThat(contactIds(ada)).isEmpty();
        assertThat(status(HttpMethod.GET, "/api/contacts/" + contactId + "/messages", ada, null)).isEqualTo(403);
        assertThat(status(HttpMethod.DELETE, "/api/contacts/" + contactId, ada, null)).isEqualTo(404);
        // they may become contacts again, with a conversation that starts empty
        String again = people.connect(grace, ada);
        assertThat(again).isNotEqualTo(contactId);
        assertThat(people.json(HttpMethod.GET, "/api/contacts/" + again + "/messages", ada, null).path("messages"))
            .isEmpty();
    }

}
