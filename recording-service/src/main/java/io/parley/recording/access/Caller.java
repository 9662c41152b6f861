package io.parley.recording.access;

import java.util.List;
import java.util.Set;

import io.parley.recording.catalog.Recording;
import io.parley.tokens.JoinToken;
import io.parley.tokens.access.AccessToken;

/**
 * Whoever sent a request, by the token they showed: a signed-in account (access token) or
 * a meeting's participant (join token); exactly one of the two is set.
 */
public record Caller(AccessToken account, JoinToken participant) {

    private static final Set<String> ADMIN_ROLES = Set.of("owner", "admin");

    /**
     * The recording's host account, an owner or admin of its organization, or the holder
     * of a host's join token of its meeting.
     */
    public boolean mayRead(Recording recording) {
        if (participant != null) {
            return hosts(recording.meetingId());
        }
        return account.accountId().equals(recording.hostAccountId()) || (recording.orgId() != null
                && account.roleIn(recording.orgId()).filter(ADMIN_ROLES::contains).isPresent());
    }

    /** A host's join token of this meeting. */
    public boolean hosts(String meetingId) {
        return participant != null && participant.isHost() && participant.meetingId().equals(meetingId);
    }

    /** The organizations whose recordings an account may read. */
    public List<String> adminOrgs() {
        return (account != null) ? account.orgs()
            .stream()
            .filter(org -> ADMIN_ROLES.contains(org.role()))
            .map(AccessToken.Membership::orgId)
            .toList() : List.of();
    }

}
