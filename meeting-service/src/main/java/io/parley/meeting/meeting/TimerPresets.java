package io.parley.meeting.meeting;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The timer presets hosts may start, by id ({@code seconds_15}, ...); the list is
 * configuration, and {@code GET /api/meetings/{id}} hands it to the client, which draws
 * one button per preset.
 */
public final class TimerPresets {

    /** One preset as the API shows it. */
    public record Preset(String preset, int seconds) {
    }

    private final List<Preset> presets;

    /**
     * Ordered shortest first (then by id), the order the buttons and error messages use.
     */
    public TimerPresets(Map<String, Integer> seconds) {
        this.presets = seconds.entrySet()
            .stream()
            .map(entry -> new Preset(entry.getKey(), entry.getValue()))
            .sorted(Comparator.comparingInt(Preset::seconds).thenComparing(Preset::preset))
            .toList();
    }

    public Optional<Integer> seconds(String preset) {
        return presets.stream().filter(p -> p.preset().equals(preset)).map(Preset::seconds).findFirst();
    }

    public List<Preset> list() {
        return presets;
    }

    /** The ids, shortest first, for error messages. */
    public String ids() {
        return presets.stream().map(Preset::preset).collect(Collectors.joining(", "));
    }

}
