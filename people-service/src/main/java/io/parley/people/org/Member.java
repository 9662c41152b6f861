package io.parley.people.org;

import java.util.UUID;

/** Someone's membership in one organization, as the rules need it. */
record Member(UUID accountId, Role role) {

    boolean is(Member other) {
        return accountId.equals(other.accountId);
    }
}
