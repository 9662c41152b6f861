package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublisherRecordingTests {

    private final PublisherRecording publisher = new PublisherRecording();

    @Test
    void recordsNothingUntilItPublishesAndThenAsksOncePerRecording() {
        assertThat(publisher.start("r-1")).isFalse();
        assertThat(publisher.unrecorded()).isFalse();

        publisher.published();

        assertThat(publisher.publishes()).isTrue();
        assertThat(publisher.unrecorded()).isTrue();
        assertThat(publisher.start("r-1")).isTrue();
        assertThat(publisher.start("r-1")).isFalse();
        assertThat(publisher.recording()).isTrue();
        assertThat(publisher.unrecorded()).isFalse();
    }

    @Test
    void aStartJanusRefusedIsAskedAgainButNotOneThatANewerRecordingReplaced() {
        publisher.published();
        publisher.start("r-1");

        publisher.failed("r-1");

        assertThat(publisher.recording()).isFalse();
        assertThat(publisher.start("r-1")).isTrue();
        publisher.start("r-2");
        publisher.failed("r-1");
        assertThat(publisher.recording()).isTrue();
    }

    @Test
    void stopsOnlyWhatItRecords() {
        publisher.published();
        assertThat(publisher.stop()).isFalse();

        publisher.start("r-1");

        assertThat(publisher.stop()).isTrue();
        assertThat(publisher.stop()).isFalse();
        assertThat(publisher.unrecorded()).isTrue();
    }

    @Test
    void asksNothingOnceClosed() {
        publisher.published();
        publisher.start("r-1");

        publisher.close();

        assertThat(publisher.recording()).isFalse();
        assertThat(publisher.unrecorded()).isFalse();
        assertThat(publisher.stop()).isFalse();
        assertThat(publisher.start("r-2")).isFalse();
    }

}
