package io.parley.streamlimit.lease;

import java.util.List;

/**
 * Redis key names. A user's keys share the hash tag {@code {user:ID}} (so do the user's
 * organization limits, {@code OrgLimits.key}) and the sweeper's index keys the tag
 * {@code {index}}, so each script touches one hash slot and runs on Redis Cluster.
 */
public final class LeaseKeys {

    static final String INDEX_DUE = "streams:{index}:due";
    static final String INDEX_TOUCHED = "streams:{index}:touched";
    static final String INDEX_SEQUENCE = "streams:{index}:sequence";
    static final String INDEX_ACTIVE = "streams:{index}:active";

    private LeaseKeys() {
    }

    /** The user's leases: member = stream id, score = expiry in ms since the epoch. */
    public static String leases(String userId) {
        return "streams:{user:" + userId + "}";
    }

    /**
     * Present while the user counts as known ("present in the database" for the
     * seed-compatible API).
     */
    public static String knownUser(String userId) {
        return "streams:{user:" + userId + "}:known";
    }

    /** The leases started for a meeting, as JSON pairs {@code ["userId","streamId"]}. */
    public static String meeting(String meetingId) {
        return "streams:meeting:{m:" + meetingId + "}";
    }

    static List<String> indexForTouch() {
        return List.of(INDEX_DUE, INDEX_TOUCHED, INDEX_SEQUENCE, INDEX_ACTIVE);
    }

    static List<String> indexForDue() {
        return List.of(INDEX_DUE, INDEX_TOUCHED);
    }

    static List<String> indexForSettle() {
        return List.of(INDEX_DUE, INDEX_TOUCHED, INDEX_ACTIVE);
    }

}
