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

    private MediaServers() {
    }

}
