package io.parley.tokens;

import java.util.Map;

/**
 * The {@code typ} claim that keeps Parley's two kinds of token apart (PEOPLE.md §2): a
 * join token admits one participant to one meeting, an access token stands for a
 * signed-in person. Each verifier accepts only its own kind, so one can never be replayed
 * where the other is required, even if both were signed with the same key.
 */
public enum TokenType {

    JOIN("join"), ACCESS("access");

    public static final String CLAIM = "typ";

    private final String claim;

    TokenType(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    /** Whether the claims say this type; a token without the claim is of neither type. */
    public boolean isTypeOf(Map<String, Object> claims) {
        return claim.equals(claims.get(CLAIM));
    }

}
