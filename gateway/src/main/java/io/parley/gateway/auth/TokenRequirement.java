package io.parley.gateway.auth;

import io.parley.tokens.TokenType;

/**
 * What the gateway demands of a request before routing it: which kind of token, and
 * whether it must be there.
 */
public enum TokenRequirement {

    /**
     * No token is looked at: signing up, in and out, and refreshing, where the refresh
     * cookie is what counts and an expired access token may still ride along (it is why
     * the client refreshes).
     */
    NONE(null, false),

    /**
     * A join token is verified when present (the rate limiter keys by its subject); the
     * service decides without.
     */
    JOIN_IF_PRESENT(TokenType.JOIN, false),

    /**
     * A valid, unrevoked join token, or the request is answered 401 without reaching the
     * service.
     */
    JOIN_REQUIRED(TokenType.JOIN, true),

    /**
     * A signed-in person may say who they are (creating or joining a meeting); a token
     * that is there must be valid.
     */
    ACCESS_IF_PRESENT(TokenType.ACCESS, false),

    /**
     * A valid access token, or 401 without reaching the service; a join token is no
     * substitute.
     */
    ACCESS_REQUIRED(TokenType.ACCESS, true),

    /**
     * A valid join token or a valid access token, or 401: a meeting's quality is read
     * with a participant's join token during the meeting and with the access token of an
     * account that took part afterwards. The token's {@code typ} claim picks the
     * verifier, which then checks everything.
     */
    JOIN_OR_ACCESS_REQUIRED(null, true);

    private final TokenType tokenType;

    private final boolean required;

    TokenRequirement(TokenType tokenType, boolean required) {
        this.tokenType = tokenType;
        this.required = required;
    }

    /**
     * The only kind of token accepted; null for {@link #NONE} and
     * {@link #JOIN_OR_ACCESS_REQUIRED}.
     */
    public TokenType tokenType() {
        return tokenType;
    }

    public boolean required() {
        return required;
    }

}
