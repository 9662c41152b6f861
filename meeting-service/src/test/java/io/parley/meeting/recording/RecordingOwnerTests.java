package io.parley.meeting.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.parley.meeting.meeting.MediaMode;
import io.parley.meeting.meeting.Meeting;
import io.parley.meeting.meeting.MeetingState;
import io.parley.meeting.person.MeetingAccess;
import io.parley.tokens.JoinToken;
import io.parley.tokens.Role;
import org.junit.jupiter.api.Test;

class RecordingOwnerTests {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static Meeting meeting(MeetingAccess access) {
        return new Meeting("abcd-efgh-ijkl", null, null, MeetingState.OPEN, 10, NOW, null, List.of(), null, access,
                MediaMode.AUTO, null);
    }

    private static JoinToken host(String subject) {
        return new JoinToken(subject, "abcd-efgh-ijkl", "phost", "Ada", Role.HOST, "jti", NOW, NOW.plusSeconds(60));
    }

    @Test
    void aSignedInFounderOwnsTheirRecording() {
        var access = new MeetingAccess(MeetingAccess.Mode.ANYONE, null, Set.of(), "account-1");

        assertThat(RecordingOwner.accountOf(meeting(access), host("account-1"))).isEqualTo("account-1");
    }

    @Test
    void aGuestHostOrAnotherHostHasNoAccount() {
        var access = new MeetingAccess(MeetingAccess.Mode.ORG, "org-1", Set.of(), "account-1");

        assertThat(RecordingOwner.accountOf(meeting(MeetingAccess.ANYONE), host("guest:1234"))).isNull();
        assertThat(RecordingOwner.accountOf(meeting(access), host("integration-user-7"))).isNull();
    }

}
