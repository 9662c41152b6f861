package io.parley.signaling.presence;

/**
 * A connected participant as kept in Redis; {@code lastSeen} is refreshed by the holding
 * instance's heartbeat.
 */
public record PresenceEntry(String participantId, String name, String role, String userId, String instance,
        boolean audio, boolean video, long lastSeen) {

    public PresenceEntry seenAt(long millis) {
        return new PresenceEntry(participantId, name, role, userId, instance, audio, video, millis);
    }

    public PresenceEntry withMedia(boolean audio, boolean video) {
        return new PresenceEntry(participantId, name, role, userId, instance, audio, video, lastSeen);
    }

    /** What other participants see: no user id, no instance. */
    public View view() {
        return new View(participantId, name, role, audio, video);
    }

    public record View(String participantId, String name, String role, boolean audio, boolean video) {
    }
}
