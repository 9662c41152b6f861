package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RecordingSignalTests {

    @Test
    void aMeetingIdWithSpacesSurvivesTheChannel() {
        RecordingChannel.Signal signal = new RecordingChannel.Signal(true, "abcDEF123", "meeting with spaces");

        assertThat(RecordingChannel.Signal.decode(signal.encode())).contains(signal);
        assertThat(RecordingChannel.Signal.decode(new RecordingChannel.Signal(false, "r", "m").encode()))
            .hasValueSatisfying((stop) -> assertThat(stop.start()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "start", "start r", "pause r m" })
    void ignoresWhatIsNotASignal(String message) {
        assertThat(RecordingChannel.Signal.decode(message)).isEmpty();
    }

}
