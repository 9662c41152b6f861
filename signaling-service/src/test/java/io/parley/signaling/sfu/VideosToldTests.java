package io.parley.signaling.sfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;

import org.junit.jupiter.api.Test;

class VideosToldTests {

    private final VideosTold told = new VideosTold();

    @Test
    void tellsNothingWhileNoCameraVideoIsReceivedOrHeldBack() {
        assertThat(told.news(new Subscription.Videos(List.of(), List.of()))).isNull();
    }

    @Test
    void tellsWhoseVideoIsReceivedWithNoLimitWhileNothingIsHeldBack() {
        assertThat(told.news(new Subscription.Videos(List.of("p-ada"), List.of())))
            .containsExactly(entry("limit", null), entry("receiving", List.of("p-ada")), entry("withheld", List.of()));
    }

    @Test
    void tellsTheLimitAsTheNumberOfVideosReceivedWhenSomeAreHeldBack() {
        assertThat(told.news(new Subscription.Videos(List.of("p-ada", "p-grace"), List.of("p-alan"))))
            .containsEntry("limit", 2)
            .containsEntry("withheld", List.of("p-alan"));
    }

    @Test
    void tellsEachChangeOnce() {
        Subscription.Videos videos = new Subscription.Videos(List.of("p-ada"), List.of("p-grace"));
        told.news(videos);

        assertThat(told.news(new Subscription.Videos(List.of("p-ada"), List.of("p-grace")))).isNull();
        assertThat(told.news(new Subscription.Videos(List.of("p-grace"), List.of("p-ada")))).containsEntry("receiving",
                List.of("p-grace"));
    }

}
