package io.parley.quality.sample;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two beacon shapes the collector understands. */
public enum BeaconFormat {

    /**
     * {@code {meetingId, participantId, sessionId, timestamp, stats:{...}}}, always with
     * a join token.
     */
    PARLEY("parley"),
    /** Daily's {@code {room, meetingSessionId, sessionId, stats:{latest:{...}}}}. */
    DAILY("daily");

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
