package io.parley.meeting.meeting;

import java.util.Arrays;
import java.util.Optional;

/**
 * The life of a meeting: {@code open} admits joins; {@code locked} admits nobody new but
 * keeps running; {@code ended} is final: no joins, no host controls, every token of the
 * meeting revoked. There is no way back from locked or ended. The Redis scripts apply the
 * same rules atomically; this class is where they are spelled out and tested.
 */
public enum MeetingState {

    OPEN("open"), LOCKED("locked"), ENDED("ended");

    private final String value;

    MeetingState(String value) {
        this.value = value;
    }

    /** How the state is stored and shown: {@code open}, {@code locked}, {@code ended}. */
    public String value() {
        return value;
    }

    public static Optional<MeetingState> of(String value) {
        return Arrays.stream(values()).filter(state -> state.value.equals(value)).findFirst();
    }

    public boolean admitsJoins() {
        return this == OPEN;
    }

    /**
     * Host controls (mute, remove, timer, lock, end) and leaving work until the meeting
     * has ended.
     */
    public boolean acceptsCommands() {
        return this != ENDED;
    }

}
