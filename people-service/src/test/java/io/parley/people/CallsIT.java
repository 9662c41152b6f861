package io.parley.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.parley.harness.Ports;
import io.parley.people.ContactsClient.Person;
import io.parley.people.PeopleEventsConsumer.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Calling a contact (PEOPLE.md §5) against the real meeting-service, on real PostgreSQL,
 * Redis and Kafka. A second people-service on the same database rings for only a second,
 * to see calls missed; a third finds meeting-service out of reach.
 */
class CallsIT {

    private static final String PASSWORD = "contacts and calls";

    private static MeetingServiceProcess meetings;

    private static RunningPeopleService service;

    private static RunningPeopleService quick;

    private static RunningPeopleService cut;

    private static ContactsClient people;

    @BeforeAll
    static void start() {
        meetings = MeetingServiceProcess.reserve();
        service = RunningPeopleService.start("calls_it", meetings.uriArgument());
        quick = RunningPeopleService.start("calls_it", meetings.uriArgument(), "--parley.people.calls.ring-timeout=1s",
                "--parley.people.calls.sweep-interval=200ms");
        cut = RunningPeopleService.start("calls_it",
                "--parley.people.calls.meeting-service-uri=http://127.0.0.1:" + Ports.freePort(),
                "--parley.people.calls.meeting-service-timeout=2s");
        meetings.start(service);
        people = new ContactsClient(service.client());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] { cut, quick, service, meetings }) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    private static EntityExchangeResult<byte[]> call(ContactsClient via, Person caller, String contactId) {
        return via.send(HttpMethod.POST, "/api/contacts/" + contactId + "/calls", caller, null)
            .expectBody()
            .returnResult();
    }

    private static JsonNode ringing(Person caller, String contactId) {
        EntityExchangeResult<byte[]> result = call(people, caller, contactId);
        assertThat(result.getStatus().value())
            .as(new String(result.getResponseBody() == null ? new byte[0] : result.getResponseBody()))
            .isEqualTo(201);
        return ContactsClient.parse(result.getResponseBody());
    }

    private static int status(HttpMethod method, String path, Person as) {
        return people.send(method, path, as, null).expectBody().returnResult().getStatus().value();
    }

    private static List<JsonNode> callEntries(Person person, String contactId) {
        List<JsonNode> entries = new ArrayList<>();
        people.json(HttpMethod.GET, "/api/contacts/" + contactId + "/messages", person, null)
            .path("messages")
            .forEach(message -> {
                if (message.path("kind").asString().equals("call")) {
                    entries.add(message);
                }
            });
        return entries;
    }

    private static long unread(Person person, String contactId) {
        for (JsonNode contact : people.json(HttpMethod.GET, "/api/contacts", person, null).path("contacts")) {
            if (contact.path("contactId").asString().equals(contactId)) {
                return contact.path("unread").asLong();
            }
        }
        throw new AssertionError("no contact " + contactId);
    }

    private static Person secondDevice(Person person) {
        return new Person(person.name(), person.email(),
                new PeopleClient(service.client()).signIn(person.email(), PASSWORD));
    }

    private static JsonNode meeting(String meetingId) {
        return ContactsClient.parse(WebTestClient.bindToServer()
            .baseUrl(meetings.baseUrl())
            .build()
            .get()
            .uri("/api/meetings/" + meetingId)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult()
            .getResponseBody());
    }

    private static long calls(String contactId) {
        return service.bean(DatabaseClient.class)
            .sql("select count(*) from call where contact_id = :contact")
            .bind("contact", UUID.fromString(contactId))
            .map(row -> row.get(0, Long.class))
            .one()
            .block();
    }

    @Test
    void aCallRingsTheCalleeAndTheFirstAnswerWins() throws Exception {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        Person graceOnHerPhone = secondDevice(grace);
        String contactId = people.connect(ada, grace);

        JsonNode started = ringing(ada, contactId);
        String callId = started.path("callId").asString();
        assertThat(started.path("state").asString()).isEqualTo("ringing");
        assertThat(started.path("token").asString()).isNotEmpty();
        String meetingId = started.path("meetingId").asString();
        JsonNode ringingForGrace = people.json(HttpMethod.GET, "/api/calls?state=ringing", grace, null).path("calls");
        assertThat(ringingForGrace).hasSize(1);
        assertThat(ringingForGrace.get(0).path("callId").asString()).isEqualTo(callId);
        assertThat(ringingForGrace.get(0).path("from").path("accountId").asString()).isEqualTo(ada.id());
        assertThat(ringingForGrace.get(0).path("meetingId").asString()).isEqualTo(meetingId);
        assertThat(people.json(HttpMethod.GET, "/api/calls?state=ringing", ada, null).path("calls")).isEmpty();

        // both of Grace's devices answer at the same moment: one gets in, the other is
        // told it stopped ringing
        ExecutorService devices = Executors.newFixedThreadPool(2);
        List<Callable<EntityExchangeResult<byte[]>>> answers = new ArrayList<>();
        for (Person device : List.of(grace, graceOnHerPhone)) {
            answers.add(() -> people.send(HttpMethod.POST, "/api/calls/" + callId + "/answer", device, null)
                .expectBody()
                .returnResult());
        }
        List<Integer> statuses = new ArrayList<>();
        JsonNode answered = null;
        try {
            for (Future<EntityExchangeResult<byte[]>> answer : devices.invokeAll(answers)) {
                statuses.add(answer.get().getStatus().value());
                if (answer.get().getStatus().value() == 200) {
                    answered = ContactsClient.parse(answer.get().getResponseBody());
                }
            }
        }
        finally {
            devices.shutdownNow();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(answered.path("meetingId").asString()).isEqualTo(meetingId);
        assertThat(answered.path("token").asString()).isNotEmpty().isNotEqualTo(started.path("token").asString());
        assertThat(status(HttpMethod.POST, "/api/calls/" + callId + "/answer", grace)).isEqualTo(409);

        // a real meeting for the two, which only they may enter
        JsonNode room = meeting(meetingId);
        assertThat(room.path("access").asString()).isEqualTo("invited");
        assertThat(room.path("participants").findValuesAsString("role")).containsExactlyInAnyOrder("host",
                "participant");
        assertThat(people.json(HttpMethod.GET, "/api/calls?state=ringing", grace, null).path("calls")).isEmpty();
        assertThat(callEntries(ada, contactId)).isEmpty();

        assertThat(status(HttpMethod.DELETE, "/api/calls/" + callId, grace)).isEqualTo(204);
        assertThat(status(HttpMethod.DELETE, "/api/calls/" + callId, ada)).isEqualTo(204);

        List<JsonNode> entries = callEntries(ada, contactId);
        assertThat(entries).hasSize(1);
        JsonNode call = entries.get(0).path("call");
        assertThat(call.path("callId").asString()).isEqualTo(callId);
        assertThat(call.path("outcome").asString()).isEqualTo("ended");
        assertThat(call.path("callerId").asString()).isEqualTo(ada.id());
        assertThat(call.path("durationSeconds").isIntegralNumber()).isTrue();
        assertThat(entries.get(0).path("senderId").asString()).isEqualTo(ada.id());
        assertThat(entries.get(0).path("text").isNull()).isTrue();
        assertThat(callEntries(grace, contactId)).hasSize(1);
        // Grace talked in it: no news to her
        assertThat(unread(grace, contactId)).isZero();
        assertThat(status(HttpMethod.POST, "/api/calls/" + callId + "/answer", ada)).isEqualTo(403);
    }

    @Test
    void declinedAndCancelledCallsEachLeaveOneEntry() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);

        String declined = ringing(ada, contactId).path("callId").asString();
        assertThat(status(HttpMethod.POST, "/api/calls/" + declined + "/decline", ada)).isEqualTo(403);
        assertThat(status(HttpMethod.POST, "/api/calls/" + declined + "/decline", grace)).isEqualTo(204);
        assertThat(status(HttpMethod.POST, "/api/calls/" + declined + "/decline", grace)).isEqualTo(409);
        assertThat(status(HttpMethod.POST, "/api/calls/" + declined + "/answer", grace)).isEqualTo(409);

        String cancelled = ringing(ada, contactId).path("callId").asString();
        assertThat(status(HttpMethod.DELETE, "/api/calls/" + cancelled, ada)).isEqualTo(204);
        assertThat(status(HttpMethod.DELETE, "/api/calls/" + cancelled, ada)).isEqualTo(204);

        List<JsonNode> entries = callEntries(grace, contactId);
        assertThat(entries).extracting(entry -> entry.path("call").path("outcome").asString())
            .containsExactly("cancelled", "declined");
        assertThat(entries).extracting(entry -> entry.path("call").path("durationSeconds").asLong()).containsOnly(0L);
        // the call she declined she knew of; the one cancelled before she could answer is
        // news
        assertThat(unread(grace, contactId)).isEqualTo(1);
        assertThat(unread(ada, contactId)).isZero();
        String metrics = service.client()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(metrics.lines())
            .anyMatch(line -> line.startsWith("parley_people_calls_total{") && line.contains("outcome=\"declined\""))
            .anyMatch(line -> line.startsWith("parley_people_calls_total{") && line.contains("outcome=\"cancelled\""));
        assertThat(status(HttpMethod.DELETE, "/api/calls/" + UUID.randomUUID(), ada)).isEqualTo(404);
        assertThat(status(HttpMethod.DELETE, "/api/calls/" + cancelled, people.signUp("Eve"))).isEqualTo(404);
    }

    @Test
    void aCallEndsWhenItsHostEndsTheMeeting() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        JsonNode started = ringing(ada, contactId);
        people.json(HttpMethod.POST, "/api/calls/" + started.path("callId").asString() + "/answer", grace, null);

        WebTestClient.bindToServer()
            .baseUrl(meetings.baseUrl())
            .build()
            .post()
            .uri("/api/meetings/" + started.path("meetingId").asString() + "/end")
            .headers(headers -> headers.setBearerAuth(started.path("token").asString()))
            .exchange()
            .expectStatus()
            .isNoContent();

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(callEntries(grace, contactId))
                .extracting(entry -> entry.path("call").path("outcome").asString())
                .containsExactly("ended"));
        // no longer busy: Grace can be called again
        assertThat(call(people, ada, contactId).getStatus().value()).isEqualTo(201);
    }

    @Test
    void aCalleeInAnotherCallIsBusy() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        Person linus = people.signUp("Linus");
        String adaAndGrace = people.connect(ada, grace);
        String linusAndGrace = people.connect(linus, grace);
        String talking = ringing(linus, linusAndGrace).path("callId").asString();
        people.json(HttpMethod.POST, "/api/calls/" + talking + "/answer", grace, null);

        EntityExchangeResult<byte[]> busy = call(people, ada, adaAndGrace);

        assertThat(busy.getStatus().value()).isEqualTo(409);
        assertThat(ContactsClient.parse(busy.getResponseBody()).path("reason").asString()).isEqualTo("busy");
        assertThat(people.json(HttpMethod.GET, "/api/calls?state=ringing", grace, null).path("calls")).isEmpty();
        List<JsonNode> entries = callEntries(ada, adaAndGrace);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("call").path("outcome").asString()).isEqualTo("busy");
        assertThat(unread(grace, adaAndGrace)).isEqualTo(1);

        // once that call is over, Grace can be called again
        people.send(HttpMethod.DELETE, "/api/calls/" + talking, linus, null).expectStatus().isNoContent();
        assertThat(call(people, ada, adaAndGrace).getStatus().value()).isEqualTo(201);
    }

    @Test
    void twoContactsCallingEachOtherAtOnceMeetInOneMeeting() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        JsonNode first = ringing(ada, contactId);

        EntityExchangeResult<byte[]> second = call(people, grace, contactId);

        assertThat(second.getStatus().value()).isEqualTo(200);
        JsonNode joined = ContactsClient.parse(second.getResponseBody());
        assertThat(joined.path("callId").asString()).isEqualTo(first.path("callId").asString());
        assertThat(joined.path("meetingId").asString()).isEqualTo(first.path("meetingId").asString());
        assertThat(joined.path("state").asString()).isEqualTo("answered");
        assertThat(joined.path("token").asString()).isNotEmpty();
        assertThat(meeting(joined.path("meetingId").asString()).path("participants")).hasSize(2);
        assertThat(calls(contactId)).isEqualTo(1);
    }

    @Test
    void atMostThreeCallsAMinuteToOneContact() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        for (int i = 0; i < 3; i++) {
            ringing(ada, contactId);
        }

        EntityExchangeResult<byte[]> fourth = call(people, ada, contactId);

        assertThat(fourth.getStatus().value()).isEqualTo(429);
        assertThat(Long.parseLong(fourth.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
        // each new call replaced the one still ringing: one rings now, two were cancelled
        assertThat(people.json(HttpMethod.GET, "/api/calls?state=ringing", grace, null).path("calls")).hasSize(1);
        assertThat(callEntries(grace, contactId)).extracting(entry -> entry.path("call").path("outcome").asString())
            .containsExactly("cancelled", "cancelled");
    }

    @Test
    void aCallNobodyAnswersIsMissedAndCountsAsUnread() {
        ContactsClient viaQuick = new ContactsClient(quick.client());
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        people.message(grace, contactId, "call me");
        String callId = ContactsClient
            .parse(viaQuick.send(HttpMethod.POST, "/api/contacts/" + contactId + "/calls", ada, null)
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody())
            .path("callId")
            .asString();

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(callEntries(grace, contactId))
                .extracting(entry -> entry.path("call").path("outcome").asString())
                .containsExactly("missed"));

        assertThat(callEntries(grace, contactId).get(0).path("call").path("callId").asString()).isEqualTo(callId);
        assertThat(unread(grace, contactId)).isEqualTo(1);
        // Ada's call moved her marker past Grace's message, as a reply would
        assertThat(unread(ada, contactId)).isZero();
        assertThat(people.json(HttpMethod.GET, "/api/calls?state=ringing", grace, null).path("calls")).isEmpty();
        assertThat(status(HttpMethod.POST, "/api/calls/" + callId + "/answer", grace)).isEqualTo(409);
    }

    @Test
    void withMeetingServiceOutOfReachCallsAre503AndNothingIsStored() {
        ContactsClient viaCut = new ContactsClient(cut.client());
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);

        EntityExchangeResult<byte[]> refused = call(viaCut, ada, contactId);

        assertThat(refused.getStatus().value()).isEqualTo(503);
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isNotNull();
        assertThat(calls(contactId)).isZero();

        String callId = ringing(ada, contactId).path("callId").asString();
        assertThat(viaCut.send(HttpMethod.POST, "/api/calls/" + callId + "/answer", grace, null)
            .expectBody()
            .returnResult()
            .getStatus()
            .value()).isEqualTo(503);
        assertThat(people.json(HttpMethod.GET, "/api/calls?state=ringing", grace, null).path("calls")).hasSize(1);
    }

    @Test
    void callEventsReachTheirPeopleAsTheContractSays() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        JsonNode started = ringing(ada, contactId);
        String callId = started.path("callId").asString();
        people.json(HttpMethod.POST, "/api/calls/" + callId + "/answer", grace, null);
        people.send(HttpMethod.DELETE, "/api/calls/" + callId, ada, null).expectStatus().isNoContent();
        String declined = ringing(ada, contactId).path("callId").asString();
        people.send(HttpMethod.POST, "/api/calls/" + declined + "/decline", grace, null).expectStatus().isNoContent();

        List<Event> seen;
        try (PeopleEventsConsumer events = new PeopleEventsConsumer()) {
            seen = events.of(Set.of(ada.id(), grace.id()),
                    list -> list.stream().filter(event -> event.type().equals("call-ended")).count() == 5);
        }
        PeopleEventsConsumer.assertAddressed(seen);
        String expires = started.path("expiresAt").asString();
        assertThat(of(seen, "call-ringing", grace.id())).extracting(event -> event.data().path("callId").asString())
            .containsExactly(callId, declined);
        assertThat(of(seen, "call-ringing", grace.id()).get(0).data()).isEqualTo(PeopleEventsConsumer
            .json(("{'accountId':'" + grace.id() + "','callId':'" + callId + "','contactId':'" + contactId
                    + "','meetingId':'" + started.path("meetingId").asString() + "','from':{'accountId':'" + ada.id()
                    + "','displayName':'Ada'},'expiresAt':'" + expires + "'}")
                .replace('\'', '"')));
        assertThat(of(seen, "call-ringing", ada.id())).isEmpty();
        // the answer stops Grace's other devices; Ada hears of it from the meeting
        assertThat(of(seen, "call-ended", grace.id())).extracting(event -> event.data().path("reason").asString())
            .containsExactly("answered", "hung-up", "declined");
        assertThat(of(seen, "call-ended", ada.id())).extracting(event -> event.data().path("reason").asString())
            .containsExactly("hung-up", "declined");
        assertThat(of(seen, "call-ended", ada.id()).get(0).data())
            .isEqualTo(PeopleEventsConsumer.json(("{'accountId':'" + ada.id() + "','callId':'" + callId
                    + "','contactId':'" + contactId + "','reason':'hung-up'}")
                .replace('\'', '"')));
        List<Event> entries = of(seen, "message-sent", grace.id());
        assertThat(entries).hasSize(2);
        JsonNode entry = entries.get(0).data().path("message");
        assertThat(entry.path("kind").asString()).isEqualTo("call");
        assertThat(entry.path("text").isNull()).isTrue();
        assertThat(entry.path("clientMessageId").isNull()).isTrue();
        assertThat(entry.path("senderId").asString()).isEqualTo(ada.id());
        assertThat(entry.path("call").path("callId").asString()).isEqualTo(callId);
        assertThat(entry.path("call").path("outcome").asString()).isEqualTo("ended");
        assertThat(entry.path("call").path("callerId").asString()).isEqualTo(ada.id());
        assertThat(entry.path("call").path("durationSeconds").isIntegralNumber()).isTrue();
        assertThat(entries).extracting(event -> event.data().path("unread").asLong()).containsExactly(0L, 0L);
        assertThat(of(seen, "message-sent", ada.id())).extracting(event -> event.data().path("message"))
            .containsExactly(entry, entries.get(1).data().path("message"));
    }

    private static List<Event> of(List<Event> events, String type, String key) {
        return events.stream().filter(event -> event.type().equals(type) && event.key().equals(key)).toList();
    }

    @Test
    void onlyContactsAreCalled() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        Person eve = people.signUp("Eve");
        String contactId = people.connect(ada, grace);

        assertThat(status(HttpMethod.POST, "/api/contacts/" + contactId + "/calls", eve)).isEqualTo(403);
        people.send(HttpMethod.POST, "/api/blocks", grace, "{\"accountId\":\"" + ada.id() + "\"}")
            .expectStatus()
            .isNoContent();
        assertThat(status(HttpMethod.POST, "/api/contacts/" + contactId + "/calls", ada)).isEqualTo(403);
        assertThat(status(HttpMethod.GET, "/api/calls", grace)).isEqualTo(400);
        assertThat(status(HttpMethod.GET, "/api/calls?state=answered", grace)).isEqualTo(400);
    }

}
