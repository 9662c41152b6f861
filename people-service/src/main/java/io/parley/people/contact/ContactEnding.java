package io.parley.people.contact;

import java.util.UUID;

import reactor.core.publisher.Mono;

/**
 * Told, inside the transaction that removes a contact (removal or block), before its rows
 * go: what hangs off a contact elsewhere (a ringing or running call) is ended and
 * announced here, since the deletion takes it along without a word.
 */
public interface ContactEnding {

    Mono<Void> contactEnding(UUID contactId);

}
