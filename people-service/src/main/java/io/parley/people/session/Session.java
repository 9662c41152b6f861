package io.parley.people.session;

import java.time.Instant;
import java.util.UUID;

/** One sign-in on one device: a refresh-token family. */
public record Session(UUID id, UUID accountId, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
        Instant rotatedAt, Instant revokedAt, String userAgent, String clientAddress) {

    public boolean isLive(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }

    /** What the session list shows; {@code current} marks the device asking. */
    public record View(String sessionId, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String userAgent,
            String clientAddress, boolean current) {
    }

    public View view(String currentSessionId) {
        return new View(id.toString(), createdAt, lastUsedAt, expiresAt, userAgent, clientAddress,
                id.toString().equals(currentSessionId));
    }
}
