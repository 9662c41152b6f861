package io.parley.signaling.presence;

/**
 * A connected participant as kept in Redis; {@code lastSeen} is refreshed by the holding
 * instance's heartbeat. {@code raisedAt} (server time, null when the hand is down) is
 * owned by Redis: writers that rebuild an entry from a socket keep the stored value
 * ({@link PresenceStore}), so only {@code hand} and {@code lower-hand} change it.
 */
public record PresenceEntry(String participantId, String name, String role, String userId, String instance,
        boolean audio, boolean video, long lastSeen, Long raisedAt, String screen) {

    public PresenceEntry(String participantId, String name, String role, String userId, String instance, boolean audio,
            boolean video, long lastSeen) {
        this(participantId, name, role, userId, instance, audio, video, lastSeen, null, null);
    }

    public PresenceEntry(String participantId, String name, String role, String userId, String instance, boolean audio,
            boolean video, long lastSeen, Long raisedAt) {
        this(participantId, name, role, userId, instance, audio, video, lastSeen, raisedAt, null);
    }

    public PresenceEntry seenAt(long millis) {
        return new PresenceEntry(participantId, name, role, userId, instance, audio, video, millis, raisedAt, screen);
    }

    public PresenceEntry withMedia(boolean audio, boolean video) {
        return new PresenceEntry(participantId, name, role, userId, instance, audio, video, lastSeen, raisedAt, screen);
    }

    /** What other participants see: no user id, no instance. */
    public View view() {
        return new View(participantId, name, role, audio, video, raisedAt, screen);
    }

    /**
     * {@code screen}: the id of the MediaStream the participant shares its screen in,
     * null when it shares none.
     */
    public record View(String participantId, String name, String role, boolean audio, boolean video, Long raisedAt,
            String screen) {
    }
}
