package io.parley.recording.catalog;

/**
 * Where a recording is: {@code recording} while Janus captures, {@code processing} from
 * the stop until a worker made the WebM, then {@code ready} or {@code failed}.
 */
public enum RecordingState {

    RECORDING("recording"), PROCESSING("processing"), READY("ready"), FAILED("failed");

    private final String value;

    RecordingState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static RecordingState of(String value) {
        for (RecordingState state : values()) {
            if (state.value.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown recording state " + value);
    }

}
