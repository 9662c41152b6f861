package io.parley.signaling.protocol;

/**
 * The {@code code} of an {@code error} message: the socket stays open, the offending
 * message is dropped.
 */
public enum ErrorCode {

    MALFORMED("malformed"), UNKNOWN_TYPE("unknown-type"), MISSING_FIELD("missing-field"),
    INVALID_FIELD("invalid-field"), UNKNOWN_PARTICIPANT("unknown-participant"), RATE_LIMITED("rate-limited"),
    CHAT_TOO_LONG("chat-too-long"), UNAVAILABLE("unavailable"), HOST_ONLY("host-only"),
    SFU_UNAVAILABLE("sfu-unavailable"), NOT_ON_SFU("not-on-sfu"), SFU_REFUSED("sfu-refused");

    private final String wireName;

    ErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

}
