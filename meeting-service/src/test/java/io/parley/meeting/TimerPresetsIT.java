package io.parley.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Timer presets are configuration, and the client draws what {@code GET
 * /api/meetings/{id}} lists: with a list other than the default, the meeting shows
 * exactly that list, its presets start, and a default one no longer does.
 */
class TimerPresetsIT {

    private static RunningMeetingService service;

    private static MeetingApiClient api;

    @BeforeAll
    static void start() {
        service = RunningMeetingService.start("--parley.meetings.timer-presets.seconds_20=20",
                "--parley.meetings.timer-presets.minutes_2=120", "--parley.meetings.timer-presets.seconds_15=15");
        api = new MeetingApiClient(service.client());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theMeetingListsTheConfiguredPresetsShortestFirst() {
        var created = api.create("Ada");

        assertThat(api.get(created.meetingId()).get("timerPresets"))
            .isEqualTo(List.of(Map.of("preset", "seconds_15", "seconds", 15),
                    Map.of("preset", "seconds_20", "seconds", 20), Map.of("preset", "minutes_2", "seconds", 120)));
    }

    @Test
    void aConfiguredPresetStartsAndADefaultOneThatIsNotConfiguredIsRefused() {
        var created = api.create("Ada");

        api.postJson("/api/meetings/{id}/timer", created.hostToken(), Map.of("preset", "minutes_2"),
                created.meetingId())
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.seconds")
            .isEqualTo(120);
        api.postJson("/api/meetings/{id}/timer", created.hostToken(), Map.of("preset", "seconds_30"),
                created.meetingId())
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Unknown timer preset; use one of: seconds_15, seconds_20, minutes_2.");
    }

}
