package io.parley.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaModeTests {

    @Test
    void wireNamesAreLowerCase() {
        assertThat(MediaMode.values()).extracting(MediaMode::value).containsExactly("auto", "mesh", "sfu");
    }

    @ParameterizedTest
    @EnumSource(MediaMode.class)
    void eachWireNameReadsBackAsItsMode(MediaMode mode) {
        assertThat(MediaMode.of(mode.value())).contains(mode);
        assertThat(MediaMode.stored(mode.value())).isEqualTo(mode);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "SFU", "Mesh", " sfu", "sfu ", "p2p", "AUTO" })
    void anythingElseNamesNoMode(String value) {
        assertThat(MediaMode.of(value)).isEmpty();
    }

    @Test
    void aMeetingStoredWithoutTheFieldIsAuto() {
        assertThat(MediaMode.of(null)).isEmpty();
        assertThat(MediaMode.stored(null)).isEqualTo(MediaMode.AUTO);
        assertThat(MediaMode.stored("hybrid")).isEqualTo(MediaMode.AUTO);
    }

}
