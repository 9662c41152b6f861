package io.parley.people.contact;

import java.net.URI;
import java.util.UUID;

import io.parley.people.session.Caller;
import io.parley.people.web.Inputs;
import io.parley.people.web.PeopleProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Contacts and contact requests (PEOPLE.md §3, {@code /api/contacts}). Presence is not
 * here: the user socket of signaling-service carries it, for contacts only.
 */
@RestController
class ContactController {

    private final ContactRequests requests;

    private final Contacts contacts;

    ContactController(ContactRequests requests, Contacts contacts) {
        this.requests = requests;
        this.contacts = contacts;
    }

    record Ask(String email) {
    }

    /**
     * 202 whatever became of it: whether the address is an account's is nobody's business
     * but its owner's.
     */
    @PostMapping("/api/contacts/requests")
    Mono<ResponseEntity<Void>> request(Caller caller, @RequestBody Ask body) {
        Inputs inputs = new Inputs();
        String email = inputs.email("email", body.email());
        inputs.validate();
        return requests.request(caller.accountId(), email).thenReturn(ResponseEntity.accepted().build());
    }

    @GetMapping("/api/contacts/requests")
    Mono<ContactRequests.Requests> requests(Caller caller) {
        return requests.list(caller.accountId());
    }

    @PostMapping("/api/contacts/requests/{requestId}/accept")
    Mono<ResponseEntity<ContactRequests.Added>> accept(Caller caller, @PathVariable String requestId) {
        return requests.accept(caller.accountId(), requestId(requestId))
            .map(added -> ResponseEntity.created(URI.create("/api/contacts/" + added.contactId())).body(added));
    }

    @PostMapping("/api/contacts/requests/{requestId}/decline")
    Mono<ResponseEntity<Void>> decline(Caller caller, @PathVariable String requestId) {
        return requests.decline(caller.accountId(), requestId(requestId))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/contacts")
    Mono<Contacts.ContactList> contacts(Caller caller) {
        return contacts.list(caller.accountId());
    }

    @DeleteMapping("/api/contacts/{contactId}")
    Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String contactId) {
        return contacts.remove(caller.accountId(), uuid(contactId, "No such contact of yours."))
            .thenReturn(ResponseEntity.noContent().build());
    }

    private static UUID requestId(String value) {
        return uuid(value, "No such contact request.");
    }

    static UUID uuid(String value, String notFound) {
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException ex) {
            throw PeopleProblem.notFound(notFound);
        }
    }

}
