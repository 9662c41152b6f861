package io.parley.tokens;

/**
 * A genuine token that no longer works; says why, for callers that answer differently
 * (ended vs removed).
 */
public class RevokedTokenException extends InvalidTokenException {

    private final transient JoinToken token;

    private final RevocationList.Revocation revocation;

    public RevokedTokenException(JoinToken token, RevocationList.Revocation revocation) {
        super("The token was revoked.");
        this.token = token;
        this.revocation = revocation;
    }

    public JoinToken token() {
        return token;
    }

    public RevocationList.Revocation revocation() {
        return revocation;
    }

}
