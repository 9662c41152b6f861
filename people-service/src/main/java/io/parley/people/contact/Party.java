package io.parley.people.contact;

import java.util.UUID;

/** Another person as contacts, requests, events and ringing calls show them. */
public record Party(UUID accountId, String displayName) {
}
