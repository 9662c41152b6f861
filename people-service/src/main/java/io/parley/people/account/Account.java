package io.parley.people.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A person who can sign in. {@code passwordHash} is null for an account that signs in
 * only through a provider.
 */
public record Account(UUID id, String email, String displayName, String passwordHash, Instant createdAt) {

    /** What the API shows of an account: never the hash. */
    public record View(String accountId, String email, String displayName) {
    }

    public View view() {
        return new View(id.toString(), email, displayName);
    }
}
