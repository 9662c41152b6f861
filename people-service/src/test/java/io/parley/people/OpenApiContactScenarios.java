package io.parley.people;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.parley.harness.http.OversizedBodies;
import io.parley.people.ContactsClient.Person;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@link OpenApiIT}'s requests for the contact, block, message and call operations: one
 * per documented status. Calls run against a real meeting-service; {@code cut} is a
 * people-service on the same database that cannot reach it. Setup that lasts (people,
 * contacts, messages) happens here; whatever rings happens inside its request, since a
 * call stops ringing on its own.
 */
final class OpenApiContactScenarios {

    private static final String HUGE = "{\"email\":\"" + "x".repeat(20_000) + "\"}";

    private final String baseUrl;

    private final WebTestClient client;

    private final WebTestClient cut;

    private final ContactsClient people;

    OpenApiContactScenarios(String baseUrl, WebTestClient client, WebTestClient cut) {
        this.baseUrl = baseUrl;
        this.client = client;
        this.cut = cut;
        this.people = new ContactsClient(client);
    }

    void add(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        requests(s);
        contactsAndBlocks(s);
        messages(s);
        calls(s);
        answers(s);
    }

    private void requests(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        Person eve = people.signUp("Eve");
        Person blocked = people.signUp("Mallory");
        send(HttpMethod.POST, "/api/blocks", ada, "{\"accountId\":\"" + blocked.id() + "\"}");
        String requests = "/api/contacts/requests";
        s.put("POST " + requests + " 202", () -> send(HttpMethod.POST, requests, ada, ask(grace.email())));
        s.put("POST " + requests + " 400", () -> send(HttpMethod.POST, requests, ada, ask("not an address")));
        s.put("POST " + requests + " 401", () -> send(HttpMethod.POST, requests, null, ask(grace.email())));
        s.put("POST " + requests + " 409", () -> send(HttpMethod.POST, requests, ada, ask(blocked.email())));
        s.put("POST " + requests + " 413", () -> send(HttpMethod.POST, requests, ada, HUGE));
        s.put("POST " + requests + " 415",
                () -> send(HttpMethod.POST, requests, ada, MediaType.TEXT_PLAIN, ask(grace.email())));
        s.put("GET " + requests + " 200", () -> send(HttpMethod.GET, requests, grace, null));
        s.put("GET " + requests + " 401", () -> send(HttpMethod.GET, requests, null, null));

        for (String answer : new String[] { "accept", "decline" }) {
            String path = "/api/contacts/requests/{requestId}/" + answer;
            s.put("POST " + path + " " + (answer.equals("accept") ? 201 : 204), () -> {
                Person asker = people.signUp("Asker");
                Person asked = people.signUp("Asked");
                return send(HttpMethod.POST, path(path, requestId(asker, asked)), asked, null);
            });
            s.put("POST " + path + " 401", () -> send(HttpMethod.POST, path(path, requestId(ada, eve)), null, null));
            s.put("POST " + path + " 403", () -> send(HttpMethod.POST, path(path, requestId(eve, grace)), ada, null));
            s.put("POST " + path + " 404",
                    () -> send(HttpMethod.POST, path(path, UUID.randomUUID().toString()), ada, null));
        }
    }

    private void contactsAndBlocks(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        String contactId = people.connect(ada, grace);
        people.message(grace, contactId, "listed as the last message");
        people.connect(ada, people.signUp("Linus"));
        s.put("GET /api/contacts 200", () -> send(HttpMethod.GET, "/api/contacts", ada, null));
        s.put("GET /api/contacts 401", () -> send(HttpMethod.GET, "/api/contacts", null, null));
        String contact = "/api/contacts/{contactId}";
        s.put("DELETE " + contact + " 204", () -> {
            Person leaving = people.signUp("Leaving");
            return send(HttpMethod.DELETE, path(contact, people.connect(ada, leaving)), leaving, null);
        });
        s.put("DELETE " + contact + " 401", () -> send(HttpMethod.DELETE, path(contact, contactId), null, null));
        s.put("DELETE " + contact + " 404",
                () -> send(HttpMethod.DELETE, path(contact, UUID.randomUUID().toString()), ada, null));

        String blocks = "/api/blocks";
        Person mallory = people.signUp("Mallory");
        String block = "{\"accountId\":\"" + mallory.id() + "\"}";
        s.put("POST " + blocks + " 204", () -> send(HttpMethod.POST, blocks, ada, block));
        s.put("POST " + blocks + " 400",
                () -> send(HttpMethod.POST, blocks, ada, "{\"accountId\":\"" + ada.id() + "\"}"));
        s.put("POST " + blocks + " 401", () -> send(HttpMethod.POST, blocks, null, block));
        s.put("POST " + blocks + " 404",
                () -> send(HttpMethod.POST, blocks, ada, "{\"accountId\":\"" + UUID.randomUUID() + "\"}"));
        s.put("POST " + blocks + " 413", () -> send(HttpMethod.POST, blocks, ada, HUGE));
        s.put("POST " + blocks + " 415", () -> send(HttpMethod.POST, blocks, ada, MediaType.TEXT_PLAIN, block));
        s.put("GET " + blocks + " 200", () -> send(HttpMethod.GET, blocks, ada, null));
        s.put("GET " + blocks + " 401", () -> send(HttpMethod.GET, blocks, null, null));
        String unblock = "/api/blocks/{accountId}";
        s.put("DELETE " + unblock + " 204", () -> send(HttpMethod.DELETE, path(unblock, mallory.id()), ada, null));
        s.put("DELETE " + unblock + " 401", () -> send(HttpMethod.DELETE, path(unblock, mallory.id()), null, null));
        s.put("DELETE " + unblock + " 404", () -> send(HttpMethod.DELETE, path(unblock, "someone"), ada, null));
    }

    private void messages(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        Person eve = people.signUp("Eve");
        String contactId = people.connect(ada, grace);
        String elsewhere = people.connect(ada, people.signUp("Linus"));
        String first = people.message(grace, contactId, "one").path("messageId").asString();
        people.message(grace, contactId, "two");
        send(HttpMethod.POST, path("/api/contacts/{contactId}/messages", elsewhere), ada, message("taken", "hi"));

        String messages = "/api/contacts/{contactId}/messages";
        String mine = path(messages, contactId);
        s.put("POST " + messages + " 201", () -> send(HttpMethod.POST, mine, ada, message(uuid(), "Hello")));
        s.put("POST " + messages + " 200", () -> {
            String clientId = uuid();
            send(HttpMethod.POST, mine, ada, message(clientId, "Once"));
            return send(HttpMethod.POST, mine, ada, message(clientId, "Once"));
        });
        s.put("POST " + messages + " 400", () -> send(HttpMethod.POST, mine, ada, message(uuid(), "\\u202e")));
        s.put("POST " + messages + " 401", () -> send(HttpMethod.POST, mine, null, message(uuid(), "Hello")));
        s.put("POST " + messages + " 403", () -> send(HttpMethod.POST, mine, eve, message(uuid(), "Hello")));
        s.put("POST " + messages + " 409", () -> send(HttpMethod.POST, mine, ada, message("taken", "Hello")));
        s.put("POST " + messages + " 413", () -> send(HttpMethod.POST, mine, ada, HUGE));
        s.put("POST " + messages + " 415",
                () -> send(HttpMethod.POST, mine, ada, MediaType.TEXT_PLAIN, message(uuid(), "Hello")));
        // a page of one: next is a cursor
        s.put("GET " + messages + " 200", () -> send(HttpMethod.GET, mine + "?limit=1", grace, null));
        s.put("GET " + messages + " 400", () -> send(HttpMethod.GET, mine + "?before=forged", grace, null));
        s.put("GET " + messages + " 401", () -> send(HttpMethod.GET, mine, null, null));
        s.put("GET " + messages + " 403", () -> send(HttpMethod.GET, mine, eve, null));

        String read = path("/api/contacts/{contactId}/read", contactId);
        String upTo = "{\"upTo\":\"" + first + "\"}";
        String key = "POST /api/contacts/{contactId}/read ";
        s.put(key + "204", () -> send(HttpMethod.POST, read, ada, upTo));
        s.put(key + "400", () -> send(HttpMethod.POST, read, ada, "{\"upTo\":\"" + UUID.randomUUID() + "\"}"));
        s.put(key + "401", () -> send(HttpMethod.POST, read, null, upTo));
        s.put(key + "403", () -> send(HttpMethod.POST, read, eve, upTo));
        s.put(key + "413", () -> send(HttpMethod.POST, read, ada, HUGE));
        s.put(key + "415", () -> send(HttpMethod.POST, read, ada, MediaType.TEXT_PLAIN, upTo));
    }

    private void calls(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person ada = people.signUp("Ada");
        Person eve = people.signUp("Eve");
        String calls = "/api/contacts/{contactId}/calls";
        s.put("POST " + calls + " 201", () -> {
            Pair pair = pair();
            return send(HttpMethod.POST, path(calls, pair.contactId()), pair.ada(), null);
        });
        s.put("POST " + calls + " 200", () -> {
            Pair pair = pair();
            send(HttpMethod.POST, path(calls, pair.contactId()), pair.ada(), null);
            return send(HttpMethod.POST, path(calls, pair.contactId()), pair.grace(), null);
        });
        s.put("POST " + calls + " 401", () -> send(HttpMethod.POST, path(calls, pair().contactId()), null, null));
        s.put("POST " + calls + " 403", () -> send(HttpMethod.POST, path(calls, pair().contactId()), eve, null));
        s.put("POST " + calls + " 409", () -> {
            Pair busy = pair();
            Pair talking = pair();
            answer(ringing(talking), talking.grace());
            String contact = people.connect(busy.ada(), talking.grace());
            return send(HttpMethod.POST, path(calls, contact), busy.ada(), null);
        });
        s.put("POST " + calls + " 429", () -> {
            Pair pair = pair();
            for (int i = 0; i < 3; i++) {
                send(HttpMethod.POST, path(calls, pair.contactId()), pair.ada(), null);
            }
            return send(HttpMethod.POST, path(calls, pair.contactId()), pair.ada(), null);
        });
        s.put("POST " + calls + " 503", () -> {
            Pair pair = pair();
            return exchange(
                    cut.post().uri(path(calls, pair.contactId())).headers(h -> h.setBearerAuth(pair.ada().token())));
        });
        s.put("GET /api/calls 200", () -> {
            Pair pair = pair();
            ringing(pair);
            return send(HttpMethod.GET, "/api/calls?state=ringing", pair.grace(), null);
        });
        s.put("GET /api/calls 400", () -> send(HttpMethod.GET, "/api/calls?state=over", ada, null));
        s.put("GET /api/calls 401", () -> send(HttpMethod.GET, "/api/calls?state=ringing", null, null));
    }

    private void answers(Map<String, Supplier<EntityExchangeResult<byte[]>>> s) {
        Person eve = people.signUp("Eve");
        String answer = "/api/calls/{callId}/answer";
        String decline = "/api/calls/{callId}/decline";
        String call = "/api/calls/{callId}";
        s.put("POST " + answer + " 200", () -> {
            Pair pair = pair();
            return send(HttpMethod.POST, path(answer, ringing(pair)), pair.grace(), null);
        });
        s.put("POST " + decline + " 204", () -> {
            Pair pair = pair();
            return send(HttpMethod.POST, path(decline, ringing(pair)), pair.grace(), null);
        });
        for (String path : new String[] { answer, decline }) {
            s.put("POST " + path + " 401", () -> send(HttpMethod.POST, path(path, ringing(pair())), null, null));
            s.put("POST " + path + " 403", () -> {
                Pair pair = pair();
                return send(HttpMethod.POST, path(path, ringing(pair)), pair.ada(), null);
            });
            s.put("POST " + path + " 404", () -> send(HttpMethod.POST, path(path, ringing(pair())), eve, null));
            s.put("POST " + path + " 409", () -> {
                Pair pair = pair();
                String callId = ringing(pair);
                send(HttpMethod.DELETE, path(call, callId), pair.ada(), null);
                return send(HttpMethod.POST, path(path, callId), pair.grace(), null);
            });
        }
        s.put("POST " + answer + " 503", () -> {
            Pair pair = pair();
            String callId = ringing(pair);
            return exchange(cut.post().uri(path(answer, callId)).headers(h -> h.setBearerAuth(pair.grace().token())));
        });
        s.put("DELETE " + call + " 204", () -> {
            Pair pair = pair();
            return send(HttpMethod.DELETE, path(call, ringing(pair)), pair.ada(), null);
        });
        s.put("DELETE " + call + " 401", () -> send(HttpMethod.DELETE, path(call, ringing(pair())), null, null));
        s.put("DELETE " + call + " 404", () -> send(HttpMethod.DELETE, path(call, ringing(pair())), eve, null));
    }

    /** Ada and Grace, contacts, made when a request needs them. */
    private record Pair(String contactId, Person ada, Person grace) {
    }

    private Pair pair() {
        Person ada = people.signUp("Ada");
        Person grace = people.signUp("Grace");
        return new Pair(people.connect(ada, grace), ada, grace);
    }

    /** Ada calls Grace: the ringing call's id. */
    private String ringing(Pair pair) {
        return ContactsClient
            .parse(send(HttpMethod.POST, path("/api/contacts/{contactId}/calls", pair.contactId()), pair.ada(), null)
                .getResponseBody())
            .path("callId")
            .asString();
    }

    private void answer(String callId, Person callee) {
        send(HttpMethod.POST, path("/api/calls/{callId}/answer", callId), callee, null);
    }

    private String requestId(Person asker, Person asked) {
        send(HttpMethod.POST, "/api/contacts/requests", asker, ask(asked.email()));
        for (var incoming : people.json(HttpMethod.GET, "/api/contacts/requests", asked, null).path("incoming")) {
            if (incoming.path("from").path("accountId").asString().equals(asker.id())) {
                return incoming.path("requestId").asString();
            }
        }
        throw new IllegalStateException("no request from " + asker.id());
    }

    private static String ask(String email) {
        return "{\"email\":\"" + email + "\"}";
    }

    private static String message(String clientMessageId, String text) {
        return "{\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"" + text + "\"}";
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static String path(String template, String value) {
        return template.replaceFirst("\\{[^}]+}", value);
    }

    private EntityExchangeResult<byte[]> send(HttpMethod method, String path, Person as, String body) {
        return send(method, path, as, MediaType.APPLICATION_JSON, body);
    }

    private EntityExchangeResult<byte[]> send(HttpMethod method, String path, Person as, MediaType type, String body) {
        WebTestClient target = body != null && body.length() > 16 * 1024 ? OversizedBodies.client(baseUrl) : client;
        WebTestClient.RequestBodySpec request = target.method(method).uri(path);
        if (as != null) {
            request.headers(h -> h.setBearerAuth(as.token()));
        }
        return exchange(body == null ? request : request.contentType(type).bodyValue(body));
    }

    private static EntityExchangeResult<byte[]> exchange(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange().expectBody().returnResult();
    }

}
