package io.parley.meeting.meeting;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The timer presets hosts may start, by id ({@code seconds_15}, ...); the list is configuration. */
public final class TimerPresets {

    private final Map<String, Integer> seconds;

    public TimerPresets(Map<String, Integer> seconds) {
        this.seconds = new TreeMap<>(seconds);
    }

    public Optional<Integer> seconds(String preset) {
        return preset == null ? Optional.empty() : Optional.ofNullable(seconds.get(preset));
    }

    /** The ids, sorted, for error messages. */
    public String ids() {
        return String.join(", ", seconds.keySet());
    }
}
