package io.parley.tokens.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an access token says (PEOPLE.md §2): which account ({@code sub}), under which
 * display name, in which organizations with which role, for which sign-in session
 * ({@code sid}), until when. It lives for minutes; the session behind it is what a
 * refresh renews and what a sign-out revokes.
 */
public record AccessToken(String accountId, String name, List<Membership> orgs, String sessionId, String id,
        Instant issuedAt, Instant expiresAt) {

    public static final String NAME = "name";

    public static final String ORGS = "orgs";

    public static final String SESSION = "sid";

    public AccessToken {
        orgs = List.copyOf(orgs);
    }

    /**
     * One organization the account belongs to, with its role there ({@code owner},
     * {@code admin}, {@code member}).
     */
    public record Membership(String orgId, String role) {
    }

    public Optional<String> roleIn(String orgId) {
        return orgs.stream().filter(org -> org.orgId().equals(orgId)).map(Membership::role).findFirst();
    }
}
