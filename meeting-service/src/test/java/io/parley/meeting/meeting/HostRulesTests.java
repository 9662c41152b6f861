package io.parley.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.parley.meeting.meeting.HostRules.Command;
import io.parley.meeting.meeting.HostRules.Denial;
import io.parley.tokens.JoinToken;
import io.parley.meeting.person.MeetingAccess;
import io.parley.tokens.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HostRulesTests {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static Meeting meeting(MeetingState state) {
        return new Meeting(
                "abcd-efgh-ijkl", null, null, state, 10, NOW, null, List.of(participant("phost", Role.HOST),
                        participant("pguest", Role.PARTICIPANT), participant("pother", Role.PARTICIPANT)),
                null, MeetingAccess.ANYONE, MediaMode.AUTO, null);
    }

    private static Meeting.Participant participant(String id, Role role) {
        return new Meeting.Participant(id, id, role, "guest:" + id, NOW, false, false);
    }

    private static JoinToken token(String meetingId, String participantId, Role role) {
        return new JoinToken("guest:" + participantId, meetingId, participantId, participantId, role, "jti", NOW,
                NOW.plusSeconds(3600));
    }

    private static final JoinToken HOST = token("abcd-efgh-ijkl", "phost", Role.HOST);

    private static final JoinToken GUEST = token("abcd-efgh-ijkl", "pguest", Role.PARTICIPANT);

    @ParameterizedTest
    @EnumSource(Command.class)
    void theHostMayRunEveryCommandWhileTheMeetingRuns(Command command) {
        String target = command == Command.MUTE || command == Command.REMOVE ? "pguest" : null;

        assertThat(HostRules.check(command, meeting(MeetingState.OPEN), HOST, target)).isEmpty();
        assertThat(HostRules.check(command, meeting(MeetingState.LOCKED), HOST, target)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void nobodyMayRunAnythingOnceTheMeetingEnded(Command command) {
        assertThat(HostRules.check(command, meeting(MeetingState.ENDED), HOST, null)).contains(Denial.ENDED);
        assertThat(HostRules.check(command, meeting(MeetingState.ENDED), GUEST, "pguest")).contains(Denial.ENDED);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void aParticipantMayRunNoHostControl(Command command) {
        assertThat(HostRules.check(command, meeting(MeetingState.OPEN), GUEST,
                command == Command.MUTE || command == Command.REMOVE ? "pother" : null))
            .contains(Denial.NOT_HOST);
    }

    @Test
    void aParticipantMayRemoveThemselfButNotMuteThemself() {
        assertThat(HostRules.check(Command.REMOVE, meeting(MeetingState.OPEN), GUEST, "pguest")).isEmpty();
        assertThat(HostRules.check(Command.MUTE, meeting(MeetingState.OPEN), GUEST, "pguest"))
            .contains(Denial.NOT_HOST);
    }

    @ParameterizedTest
    @EnumSource(Command.class)
    void aTokenOfAnotherMeetingIsForbiddenEvenForItsHost(Command command) {
        JoinToken foreignHost = token("zzzz-zzzz-zzzz", "phost", Role.HOST);

        assertThat(HostRules.check(command, meeting(MeetingState.OPEN), foreignHost, null))
            .contains(Denial.OTHER_MEETING);
    }

    @Test
    void anUnknownTargetIsNotFound() {
        assertThat(HostRules.check(Command.MUTE, meeting(MeetingState.OPEN), HOST, "pnobody"))
            .contains(Denial.NO_PARTICIPANT);
        assertThat(HostRules.check(Command.REMOVE, meeting(MeetingState.OPEN), HOST, "pnobody"))
            .contains(Denial.NO_PARTICIPANT);
    }

    @Test
    void refusalsCarryTheirStatusAndReason() {
        assertThat(Denial.ENDED.status()).isEqualTo(409);
        assertThat(Denial.NOT_HOST.status()).isEqualTo(403);
        assertThat(Denial.OTHER_MEETING.status()).isEqualTo(403);
        assertThat(Denial.NO_PARTICIPANT.status()).isEqualTo(404);
        assertThat(Denial.NOT_HOST.reason()).isEqualTo("not-host");
    }

}
