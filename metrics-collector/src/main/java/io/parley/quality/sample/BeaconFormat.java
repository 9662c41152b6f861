package io.parley.quality.sample;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a sample comes from: the two beacon shapes browsers send, and the SFU's own
 * measurements (Janus's event handler).
 */
public enum BeaconFormat {

    /**
     * {@code {meetingId, participantId, sessionId, timestamp, stats:{...}}}, always with
     * a join token.
     */
    PARLEY("parley"),
    /** Daily's {@code {room, meetingSessionId, sessionId, stats:{latest:{...}}}}. */
    DAILY("daily"),
    /**
     * Measured by Janus on the participant's handles and posted by its event handler;
     * never a beacon.
     */
    SFU("sfu");

    private final String label;

    BeaconFormat(String label) {
        this.label = label;
    }

    /** Lower case, as in the JSON payload and the metric tags. */
    @JsonValue
    public String label() {
        return label;
    }

}
