package io.parley.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TimerPresetsTests {

    private final TimerPresets presets = new TimerPresets(
            Map.of("seconds_30", 30, "minutes_2", 120, "seconds_15", 15, "quick", 15));

    @Test
    void knowsOnlyTheConfiguredPresets() {
        assertThat(presets.seconds("seconds_30")).contains(30);
        assertThat(presets.seconds("seconds_20")).isEmpty();
        assertThat(presets.seconds("SECONDS_30")).isEmpty();
        assertThat(presets.seconds(null)).isEmpty();
    }

    @Test
    void listsThePresetsShortestFirstThenById() {
        assertThat(presets.list()).containsExactly(new TimerPresets.Preset("quick", 15),
                new TimerPresets.Preset("seconds_15", 15), new TimerPresets.Preset("seconds_30", 30),
                new TimerPresets.Preset("minutes_2", 120));
        assertThat(presets.ids()).isEqualTo("quick, seconds_15, seconds_30, minutes_2");
    }

}
