package io.parley.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeetingStateTests {

    @Test
    void onlyAnOpenMeetingAdmitsJoins() {
        assertThat(MeetingState.OPEN.admitsJoins()).isTrue();
        assertThat(MeetingState.LOCKED.admitsJoins()).isFalse();
        assertThat(MeetingState.ENDED.admitsJoins()).isFalse();
    }

    @Test
    void hostControlsWorkUntilTheMeetingEnds() {
        assertThat(MeetingState.OPEN.acceptsCommands()).isTrue();
        assertThat(MeetingState.LOCKED.acceptsCommands()).isTrue();
        assertThat(MeetingState.ENDED.acceptsCommands()).isFalse();
    }

    @Test
    void readsTheStoredValuesAndNothingElse() {
        assertThat(MeetingState.of("open")).contains(MeetingState.OPEN);
        assertThat(MeetingState.of("locked")).contains(MeetingState.LOCKED);
        assertThat(MeetingState.of("ended")).contains(MeetingState.ENDED);
        assertThat(MeetingState.of("OPEN")).isEmpty();
        assertThat(MeetingState.of(null)).isEmpty();
    }

}
