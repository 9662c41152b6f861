package io.parley.faults;

import java.util.UUID;

import io.parley.faults.Http.Reply;
import tools.jackson.databind.JsonNode;

/**
 * people-service as the web client sees it, for a scenario's set-up: accounts signed up
 * with their access token, and two of them made contacts.
 */
final class People {

    private final String url;

    People(String url) {
        this.url = url;
    }

    /** A new account, signed in. */
    Account signUp(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@faults.example.com";
        JsonNode signedIn = expect(Http.send("POST", url + "/api/accounts", null, "{\"email\":\"" + email
                + "\",\"displayName\":\"" + name + "\",\"password\":\"" + UUID.randomUUID() + "\"}"), 201);
        return new Account(signedIn.path("account").path("accountId").asString(), email,
                signedIn.path("accessToken").asString());
    }

    /**
     * Each asks the other, which makes them contacts at once (docs/people.md); returns
     * the contact id.
     */
    String makeContacts(Account one, Account other) {
        expect(Http.send("POST", url + "/api/contacts/requests", one.token(), "{\"email\":\"" + other.email() + "\"}"),
                202);
        expect(Http.send("POST", url + "/api/contacts/requests", other.token(), "{\"email\":\"" + one.email() + "\"}"),
                202);
        JsonNode contacts = expect(Http.send("GET", url + "/api/contacts", one.token(), null), 200).path("contacts");
        for (JsonNode contact : contacts) {
            if (other.accountId().equals(contact.path("account").path("accountId").asString())) {
                return contact.path("contactId").asString();
            }
        }
        throw new IllegalStateException("no contact between " + one.accountId() + " and " + other.accountId());
    }

    private static JsonNode expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("people-service answered " + reply.status() + ": " + reply.body());
        }
        return reply.body().isEmpty() ? Http.JSON.createObjectNode() : reply.json();
    }

    /** A signed-in person: the account, its email and an access token (15 min). */
    record Account(String accountId, String email, String token) {
    }

}
