package io.parley.tokens;

import java.time.Instant;

/**
 * What a join token says (PLATFORM.md §4.1): who ({@code sub}, the identity stream limits
 * count), in which meeting ({@code mid}) as which participant ({@code pid}), under which
 * display name and role, until when.
 */
public record JoinToken(String subject, String meetingId, String participantId, String name, Role role, String id,
        Instant issuedAt, Instant expiresAt) {

    public static final String MEETING = "mid";

    public static final String PARTICIPANT = "pid";

    public static final String NAME = "name";

    public static final String ROLE = "role";

    public boolean isHost() {
        return role == Role.HOST;
    }
}
