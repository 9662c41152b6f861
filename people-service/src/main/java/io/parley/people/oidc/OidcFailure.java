package io.parley.people.oidc;

/**
 * Why a sign-in or linking through a provider did not complete. The browser is on a
 * navigation, not a fetch, so the answer is never an error page: it is sent to
 * {@code /signin?error=<code>}, and the web client says what went wrong. The message is
 * for the log only.
 */
final class OidcFailure extends RuntimeException {

    static final String PROVIDER_UNKNOWN = "provider-unknown";
    static final String PROVIDER_UNAVAILABLE = "provider-unavailable";
    static final String PROVIDER_REFUSED = "provider-refused";

    /**
     * Unknown, expired or already used state, or a callback in another browser than the
     * one that started.
     */
    static final String STATE_INVALID = "state-invalid";
    static final String ID_TOKEN_INVALID = "id-token-invalid";
    static final String EMAIL_UNVERIFIED = "email-unverified";

    /**
     * The provider's email belongs to an account: sign in to it and link the provider
     * from there.
     */
    static final String LINK_REQUIRED = "link-required";
    static final String IDENTITY_LINKED_ELSEWHERE = "identity-linked-elsewhere";

    /** The account already has another identity at this provider; unlink it first. */
    static final String PROVIDER_ALREADY_LINKED = "provider-already-linked";
    static final String FAILED = "sign-in-failed";

    private final String code;

    OidcFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }

    /**
     * What a provider sent, fit for a log line: short, and without line breaks that could
     * forge other lines.
     */
    static String quote(String sent) {
        String printable = sent.replaceAll("\\p{Cntrl}", "?");
        return "\"" + (printable.length() <= 200 ? printable : printable.substring(0, 200) + "...") + "\"";
    }

}
