package io.parley.quality.beacon;

/**
 * Why a beacon was turned away; the {@code reason} tag of
 * {@code parley_quality_beacons_rejected_total}.
 */
public enum Rejection {

    /** Not JSON, not an object, or neither beacon format. */
    MALFORMED("malformed"),
    /** Wrong types, missing fields, values out of range. */
    INVALID("invalid"),
    /** Measured too far in the future or too long ago. */
    TIMESTAMP("timestamp"), TOO_LARGE("too_large"), UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
    /** No token, or one that does not verify. */
    UNAUTHORIZED("unauthorized"),
    /** A valid token for another meeting or participant. */
    FORBIDDEN("forbidden");

    private final String tag;

    Rejection(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

}
