package io.parley.quality.meeting;

import java.util.List;
import java.util.Set;

import io.parley.tokens.access.AccessToken;

/**
 * The organizations whose call quality an account may read, from its access token's
 * {@code orgs} claim: those it owns or administers (PEOPLE.md's roles); a member reads
 * only the meetings they took part in.
 */
public final class OrgAdmins {

    private static final Set<String> ROLES = Set.of("owner", "admin");

    private OrgAdmins() {
    }

    public static List<String> of(AccessToken account) {
        return account.orgs()
            .stream()
            .filter(membership -> ROLES.contains(membership.role()))
            .map(AccessToken.Membership::orgId)
            .toList();
    }

}
