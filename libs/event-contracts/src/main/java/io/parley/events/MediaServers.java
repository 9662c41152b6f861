package io.parley.events;

/**
 * What signaling-service tells the other services about the media servers (Janus) it
 * drives, through Redis rather than Kafka because it is a state, not a history: while the
 * key {@link #AVAILABLE_KEY} exists, at least one Janus instance answered a signaling
 * instance within the last few readings. meeting-service refuses to start a recording
 * without it, since the recording is Janus's capture.
 */
public final class MediaServers {

    /**
     * A string key holding the names of the instances that answered; it expires on its
     * own when no signaling instance sees one any more.
     */
    public static final String AVAILABLE_KEY = "sfu:available";

    private static final String OPAQUE_PREFIX = "parley:";

    private MediaServers() {
    }

    /**
     * The opaque id signaling gives a participant's Janus handles; Janus repeats it in
     * what its event handlers report, which ties a handle's statistics to a meeting and a
     * participant.
     */
    public static String opaqueId(String meetingId, String participantId) {
        return OPAQUE_PREFIX + meetingId + ":" + participantId;
    }

    /**
     * The meeting and participant an opaque id names, or null for one signaling did not
     * give.
     */
    public static HandleOwner ownerOf(String opaqueId) {
        if (opaqueId == null || !opaqueId.startsWith(OPAQUE_PREFIX)) {
            return null;
        }
        String rest = opaqueId.substring(OPAQUE_PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1 || rest.indexOf(':', colon + 1) >= 0) {
            return null;
        }
        return new HandleOwner(rest.substring(0, colon), rest.substring(colon + 1));
    }

    /** Whose media a Janus handle carries. */
    public record HandleOwner(String meetingId, String participantId) {
    }

}
