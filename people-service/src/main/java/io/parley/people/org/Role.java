package io.parley.people.org;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A member's role in an organization, strongest first. */
public enum Role {

    OWNER, ADMIN, MEMBER;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claim().equals(value)).findFirst();
    }

    /** Owners and admins manage members, invitations and limits. */
    public boolean manages() {
        return this != MEMBER;
    }

}
