package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.parley.people.ContactsClient.Person;
import io.parley.people.PeopleEventsConsumer.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * The events signaling-service relays to people's devices (docs/people.md, "Events for
 * devices"): one per recipient account, keyed by it, the recipient as {@code accountId}
 * and the fields of the socket message beside it.
 */
class ContactEventsIT {

    private static RunningPeopleService service;

    private static ContactsClient people;

    private static PeopleEventsConsumer events;

    @BeforeAll
    static void start() {
        service = RunningPeopleService.start("contact_events_it", "--parley.people.events.relay-interval=50ms");
        people = new ContactsClient(service.client());
        events = new PeopleEventsConsumer();
    }

    @AfterAll
    static void stop() {
        events.close();
        service.close();
    }

    private static List<Event> only(List<Event> events, String type, String key) {
        return events.stream().filter(event -> event.type().equals(type) && event.key().equals(key)).toList();
    }

    private static JsonNode json(String text) {
        return PeopleEventsConsumer.json(text.replace('\'', '"'));
    }

    @Test
    void contactsAndMessagesReachBothPeopleAsTheContractSays() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        JsonNode message = people.message(grace, contactId, "Hello\nAda");
        String messageId = message.path("messageId").asString();
        people.send(HttpMethod.POST, "/api/contacts/" + contactId + "/read", ada, "{\"upTo\":\"" + messageId + "\"}")
            .expectStatus()
            .isNoContent();
        people.send(HttpMethod.POST, "/api/blocks", ada, "{\"accountId\":\"" + grace.id() + "\"}")
            .expectStatus()
            .isNoContent();

        List<Event> seen = events.of(Set.of(ada.id(), grace.id()),
                list -> list.stream().filter(event -> event.type().equals("contact-removed")).count() == 2);
        PeopleEventsConsumer.assertAddressed(seen);

        List<Event> requested = only(seen, "contact-requested", grace.id());
        assertThat(requested).hasSize(1);
        JsonNode request = requested.get(0).data();
        assertThat(request.path("requestId").asString()).isNotEmpty();
        assertThat(request.path("createdAt").asString()).isNotEmpty();
        assertThat(request.path("from")).isEqualTo(json("{'accountId':'" + ada.id() + "','displayName':'Ada'}"));
        assertThat(only(seen, "contact-requested", ada.id())).isEmpty();

        assertThat(only(seen, "contact-added", ada.id())).extracting(Event::data)
            .containsExactly(json("{'accountId':'" + ada.id() + "','contactId':'" + contactId
                    + "','contact':{'accountId':'" + grace.id() + "','displayName':'Grace'}}"));
        assertThat(only(seen, "contact-added", grace.id())).extracting(Event::data)
            .containsExactly(json("{'accountId':'" + grace.id() + "','contactId':'" + contactId
                    + "','contact':{'accountId':'" + ada.id() + "','displayName':'Ada'}}"));

        // to both: the sender's other devices show it too; unread is each recipient's own
        // count
        JsonNode toAda = only(seen, "message-sent", ada.id()).get(0).data();
        JsonNode toGrace = only(seen, "message-sent", grace.id()).get(0).data();
        assertThat(toAda.path("message")).isEqualTo(message).isEqualTo(toGrace.path("message"));
        assertThat(toAda.path("contactId").asString()).isEqualTo(contactId);
        assertThat(toAda.path("unread").asLong()).isEqualTo(1);
        assertThat(toGrace.path("unread").asLong()).isZero();
        assertThat(toAda.properties()).extracting(Map.Entry::getKey)
            .containsExactlyInAnyOrder("accountId", "contactId", "message", "unread");
        assertThat(message.properties()).extracting(Map.Entry::getKey)
            .containsExactlyInAnyOrder("messageId", "clientMessageId", "seq", "senderId", "kind", "text", "call",
                    "sentAt");

        assertThat(only(seen, "messages-read", ada.id())).extracting(Event::data)
            .containsExactly(
                    json("{'accountId':'" + ada.id() + "','contactId':'" + contactId + "','readUpTo':1,'unread':0}"));
        assertThat(only(seen, "messages-read", grace.id())).isEmpty();

        assertThat(only(seen, "contact-removed", ada.id())).extracting(Event::data)
            .containsExactly(json("{'accountId':'" + ada.id() + "','contactId':'" + contactId
                    + "','contact':{'accountId':'" + grace.id() + "'}}"));
        assertThat(only(seen, "contact-removed", grace.id())).extracting(Event::data)
            .containsExactly(json("{'accountId':'" + grace.id() + "','contactId':'" + contactId
                    + "','contact':{'accountId':'" + ada.id() + "'}}"));
    }

    @Test
    void aRequestFromSomeoneBlockedAndToANonAccountAnnouncesNothing() {
        Person ada = people.signUp("Ada");
        Person mallory = people.signUp("Mallory");
        people.send(HttpMethod.POST, "/api/blocks", ada, "{\"accountId\":\"" + mallory.id() + "\"}")
            .expectStatus()
            .isNoContent();
        people.send(HttpMethod.POST, "/api/contacts/requests", mallory, "{\"email\":\"" + ada.email() + "\"}")
            .expectStatus()
            .isAccepted();
        // a marker after it: once this arrives, anything the request caused would have
        // too
        Person grace = people.signUp("Grace");
        people.send(HttpMethod.POST, "/api/contacts/requests", grace, "{\"email\":\"" + ada.email() + "\"}")
            .expectStatus()
            .isAccepted();

        List<Event> seen = events.of(Set.of(ada.id(), mallory.id()),
                list -> list.stream().anyMatch(event -> event.type().equals("contact-requested")));

        assertThat(seen).filteredOn(event -> event.type().startsWith("contact-"))
            .extracting(event -> event.data().path("from").path("accountId").asString())
            .containsExactly(grace.id());
    }

    @Test
    void aDeletedAccountsContactsEndForTheOtherPerson() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        people.message(ada, contactId, "goodbye");

        people.send(HttpMethod.DELETE, "/api/me", ada, "{\"password\":\"contacts and calls\"}")
            .expectStatus()
            .isNoContent();

        assertThat(people.json(HttpMethod.GET, "/api/contacts", grace, null).path("contacts")).isEmpty();
        List<Event> seen = events.of(Set.of(grace.id()),
                list -> list.stream().anyMatch(event -> event.type().equals("contact-removed")));
        assertThat(only(seen, "contact-removed", grace.id())).extracting(Event::data)
            .containsExactly(json("{'accountId':'" + grace.id() + "','contactId':'" + contactId
                    + "','contact':{'accountId':'" + ada.id() + "'}}"));
    }

}
