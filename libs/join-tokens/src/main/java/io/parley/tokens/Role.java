package io.parley.tokens;

import java.util.Arrays;
import java.util.Optional;

/** The {@code role} claim: hosts may run host controls, participants may not. */
public enum Role {

    HOST("host"), PARTICIPANT("participant");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(claim)).findFirst();
    }

}
