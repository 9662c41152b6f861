package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.parley.people.ContactsClient.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;

/**
 * Direct messages, history pages and read markers (PEOPLE.md §3, §4) on real PostgreSQL,
 * Redis and Kafka.
 */
class MessagesIT {

    private static RunningPeopleService service;

    private static ContactsClient people;

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("messages_it");
        people = new ContactsClient(service.client());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static String messages(String contactId) {
        return "/api/contacts/" + contactId + "/messages";
    }

    private static String body(String clientMessageId, String text) {
        return "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"" + text + "\"}";
    }

    private static int status(HttpMethod method, String path, Person as, String body) {
        return people.send(method, path, as, body).expectBody().returnResult().getStatus().value();
    }

    private static long unread(Person person, String contactId) {
        for (JsonNode contact : people.json(HttpMethod.GET, "/api/contacts", person, null).path("contacts")) {
            if (contact.path("contactId").asString().equals(contactId)) {
                return contact.path("unread").asLong();
            }
        }
        throw new AssertionError("no contact " + contactId);
    }

    @Test
    void theSameClientMessageIdTwiceStoresOneMessage() throws Exception {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        String clientId = UUID.randomUUID().toString();

        var first = people.send(HttpMethod.POST, messages(contactId), ada, body(clientId, "  Hello, Grace!  "))
            .expectStatus()
            .isCreated()
            .expectBody()
            .returnResult();
        var again = people.send(HttpMethod.POST, messages(contactId), ada, body(clientId, "Hello, Grace!"))
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult();
        JsonNode stored = ContactsClient.parse(first.getResponseBody());
        assertThat(ContactsClient.parse(again.getResponseBody())).isEqualTo(stored);
        assertThat(stored.path("text").asString()).isEqualTo("Hello, Grace!");
        assertThat(stored.path("kind").asString()).isEqualTo("text");
        assertThat(stored.path("seq").asLong()).isEqualTo(1);
        assertThat(stored.path("senderId").asString()).isEqualTo(ada.id());
        assertThat(stored.path("call").isNull()).isTrue();

        // eight copies of one send at the same moment, as a client retrying over a flaky
        // network might
        String racing = UUID.randomUUID().toString();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Callable<JsonNode>> sends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sends.add(() -> people.json(HttpMethod.POST, messages(contactId), ada, body(racing, "once only")));
        }
        Set<String> ids = new HashSet<>();
        try {
            for (Future<JsonNode> answer : senders.invokeAll(sends)) {
                ids.add(answer.get().path("messageId").asString());
            }
        }
        finally {
            senders.shutdownNow();
        }
        assertThat(ids).hasSize(1);
        long stored2 = service.bean(DatabaseClient.class)
            .sql("select count(*) from message where contact_id = :contact")
            .bind("contact", UUID.fromString(contactId))
            .map(row -> row.get(0, Long.class))
            .one()
            .block();
        assertThat(stored2).isEqualTo(2);
        assertThat(unread(grace, contactId)).isEqualTo(2);
        assertThat(service.client()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody()).contains("parley_people_messages_sent_total");
        // the same id in another conversation is a client's mistake
        String other = people.connect(ada, people.signUp("Linus"));
        assertThat(status(HttpMethod.POST, messages(other), ada, body(clientId, "hi"))).isEqualTo(409);
    }

    @Test
    void pagesReturnEveryMessageExactlyOnceWhileNewOnesArrive() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        List<String> before = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            before
                .add(people.message(i % 2 == 0 ? ada : grace, contactId, "message " + i).path("messageId").asString());
        }

        List<String> seen = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = people.json(HttpMethod.GET,
                    messages(contactId) + "?limit=5" + (next == null ? "" : "&before=" + next), grace, null);
            page.path("messages").forEach(message -> {
                seen.add(message.path("messageId").asString());
                seqs.add(message.path("seq").asLong());
            });
            next = page.path("next").isNull() ? null : page.path("next").asString();
            // others keep writing while Grace scrolls back
            people.message(ada, contactId, "meanwhile " + pages);
            pages++;
        }
        while (next != null && pages < 50);

        assertThat(pages).isEqualTo(5);
        assertThat(seen).doesNotHaveDuplicates().hasSize(23).containsExactlyInAnyOrderElementsOf(before);
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(seqs.get(seqs.size() - 1)).isEqualTo(1);
        JsonNode newest = people.json(HttpMethod.GET, messages(contactId), grace, null).path("messages");
        assertThat(newest).hasSize(28);
        assertThat(newest.get(0).path("text").asString()).isEqualTo("meanwhile 4");
    }

    @Test
    void nonContactsAndBlockedPeopleGet403() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        Person eve = people.signUp("Eve");
        String contactId = people.connect(ada, grace);
        String messageId = people.message(ada, contactId, "for Grace only").path("messageId").asString();

        assertThat(status(HttpMethod.POST, messages(contactId), eve, body("e1", "let me in"))).isEqualTo(403);
        assertThat(status(HttpMethod.GET, messages(contactId), eve, null)).isEqualTo(403);
        assertThat(status(HttpMethod.POST, "/api/contacts/" + contactId + "/read", eve,
                "{\"upTo\":\"" + messageId + "\"}"))
            .isEqualTo(403);
        assertThat(status(HttpMethod.POST, messages(UUID.randomUUID().toString()), ada, body("x", "y"))).isEqualTo(403);
        assertThat(status(HttpMethod.POST, messages("not-a-uuid"), ada, body("x", "y"))).isEqualTo(403);

        people.send(HttpMethod.POST, "/api/blocks", grace, "{\"accountId\":\"" + ada.id() + "\"}")
            .expectStatus()
            .isNoContent();
        assertThat(status(HttpMethod.POST, messages(contactId), ada, body("a1", "still there?"))).isEqualTo(403);
        assertThat(status(HttpMethod.GET, messages(contactId), ada, null)).isEqualTo(403);
        assertThat(status(HttpMethod.POST, "/api/contacts/" + contactId + "/calls", ada, null)).isEqualTo(403);
    }

    @Test
    void unreadCountsOnlyTheOtherPersonsMessagesSinceTheReadMarker() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        String first = people.message(grace, contactId, "one").path("messageId").asString();
        people.message(grace, contactId, "two");
        String third = people.message(grace, contactId, "three").path("messageId").asString();

        assertThat(unread(ada, contactId)).isEqualTo(3);
        assertThat(unread(grace, contactId)).isZero();
        JsonNode listed = people.json(HttpMethod.GET, "/api/contacts", ada, null).path("contacts").get(0);
        assertThat(listed.path("lastMessage").path("text").asString()).isEqualTo("three");

        people.send(HttpMethod.POST, "/api/contacts/" + contactId + "/read", ada, "{\"upTo\":\"" + first + "\"}")
            .expectStatus()
            .isNoContent();
        assertThat(unread(ada, contactId)).isEqualTo(2);
        people.send(HttpMethod.POST, "/api/contacts/" + contactId + "/read", ada, "{\"upTo\":\"" + third + "\"}")
            .expectStatus()
            .isNoContent();
        assertThat(unread(ada, contactId)).isZero();
        // never backwards
        people.send(HttpMethod.POST, "/api/contacts/" + contactId + "/read", ada, "{\"upTo\":\"" + first + "\"}")
            .expectStatus()
            .isNoContent();
        assertThat(unread(ada, contactId)).isZero();

        people.message(grace, contactId, "four");
        assertThat(unread(ada, contactId)).isEqualTo(1);
        // answering reads what came before
        people.message(ada, contactId, "got it");
        assertThat(unread(ada, contactId)).isZero();
        assertThat(unread(grace, contactId)).isEqualTo(1);

        String elsewhere = people.message(ada, people.connect(ada, people.signUp("Linus")), "hi")
            .path("messageId")
            .asString();
        assertThat(status(HttpMethod.POST, "/api/contacts/" + contactId + "/read", ada,
                "{\"upTo\":\"" + elsewhere + "\"}"))
            .isEqualTo(400);
    }

    @Test
    void textIsStrippedCountedInCharactersAndFreeOfControlAndOverrideCharacters() {
        Person ada = people.signUp("Ada");
        String contactId = people.connect(ada, people.signUp("Grace"));

        JsonNode kept = people.json(HttpMethod.POST, messages(contactId), ada,
                body("lines", "  first\\nsecond\\tcolumn  "));
        assertThat(kept.path("text").asString()).isEqualTo("first\nsecond\tcolumn");
        assertThat(status(HttpMethod.POST, messages(contactId), ada, body("emoji", "😀".repeat(4000)))).isEqualTo(201);
        assertThat(status(HttpMethod.POST, messages(contactId), ada, body("long", "x".repeat(4001)))).isEqualTo(400);
        assertThat(status(HttpMethod.POST, messages(contactId), ada, body("blank", " \\n "))).isEqualTo(400);
        assertThat(status(HttpMethod.POST, messages(contactId), ada, body("bell", "ding\\u0007"))).isEqualTo(400);
        assertThat(status(HttpMethod.POST, messages(contactId), ada, body("cr", "a\\r\\nb"))).isEqualTo(400);
        assertThat(status(HttpMethod.POST, messages(contactId), ada, body("rlo", "evil\\u202egnp.exe"))).isEqualTo(400);
        assertThat(status(HttpMethod.POST, messages(contactId), ada, body("fsi", "a\\u2068b"))).isEqualTo(400);
        assertThat(status(HttpMethod.POST, messages(contactId), ada, "{\"text\":\"no id\"}")).isEqualTo(400);
        assertThat(status(HttpMethod.POST, messages(contactId), ada, body("bad id with spaces", "x"))).isEqualTo(400);
        assertThat(people.json(HttpMethod.GET, messages(contactId), ada, null).path("messages")).hasSize(2);
    }

    @Test
    void historyRefusesCraftedCursorsAndLimitsOutOfRange() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        String otherContact = people.connect(ada, people.signUp("Linus"));
        for (int i = 0; i < 3; i++) {
            people.message(ada, otherContact, "elsewhere " + i);
        }
        String foreign = people.json(HttpMethod.GET, messages(otherContact) + "?limit=1", ada, null)
            .path("next")
            .asString();

        for (String query : new String[] { "?limit=0", "?limit=101", "?limit=ten", "?before=bm90LWEtY3Vyc29y",
                "?before=" + foreign, "?before=%%%" }) {
            assertThat(status(HttpMethod.GET, messages(contactId) + query, ada, null)).as(query).isEqualTo(400);
        }
        JsonNode empty = people.json(HttpMethod.GET, messages(contactId), ada, null);
        assertThat(empty.path("messages")).isEmpty();
        assertThat(empty.path("next").isNull()).isTrue();
    }

}
