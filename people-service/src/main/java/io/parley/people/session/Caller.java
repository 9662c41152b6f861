package io.parley.people.session;

import java.util.UUID;

import io.parley.tokens.access.AccessToken;

/**
 * The signed-in person making a request: a verified access token whose session is still
 * live. Controllers take it as an argument; nothing below them sees HTTP.
 */
public record Caller(UUID accountId, UUID sessionId, AccessToken token) {
}
