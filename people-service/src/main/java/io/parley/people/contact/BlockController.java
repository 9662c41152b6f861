package io.parley.people.contact;

import java.util.UUID;

import io.parley.people.session.Caller;
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
 * Blocking and unblocking people (PEOPLE.md §3, {@code /api/blocks}), and the list to
 * unblock them from.
 */
@RestController
class BlockController {

    private final Contacts contacts;

    BlockController(Contacts contacts) {
        this.contacts = contacts;
    }

    record BlockRequest(String accountId) {
    }

    @PostMapping("/api/blocks")
    Mono<ResponseEntity<Void>> block(Caller caller, @RequestBody BlockRequest body) {
        UUID other;
        try {
            other = UUID.fromString(String.valueOf(body.accountId()));
        }
        catch (IllegalArgumentException ex) {
            throw PeopleProblem.invalid("accountId", "accountId must be an account id.");
        }
        return contacts.block(caller.accountId(), other).thenReturn(ResponseEntity.noContent().build());
    }

    /** Unblocking someone who is not blocked is done already: 204 too. */
    @DeleteMapping("/api/blocks/{accountId}")
    Mono<ResponseEntity<Void>> unblock(Caller caller, @PathVariable String accountId) {
        return contacts.unblock(caller.accountId(), ContactController.uuid(accountId, "No such account."))
            .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api/blocks")
    Mono<Contacts.BlockList> blocks(Caller caller) {
        return contacts.blocks(caller.accountId());
    }

}
