package io.parley.meeting.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeetingIdsTests {

    private final MeetingIds ids = new MeetingIds();

    @Test
    void generatesReadableRandomMeetingIds() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.newMeetingId();
            assertThat(id).matches("[a-z]{4}-[a-z]{4}-[a-z]{4}");
            assertThat(MeetingIds.isMeetingId(id)).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void generatesParticipantIdsThatAreNeverMeetingIds() {
        String id = ids.newParticipantId();

        assertThat(MeetingIds.isParticipantId(id)).isTrue();
        assertThat(MeetingIds.isMeetingId(id)).isFalse();
        assertThat(ids.newParticipantId()).isNotEqualTo(id);
    }

    @Test
    void generatesUnguessableRecordingIdsOfTwentyLettersAndDigits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = ids.newRecordingId();
            assertThat(id).matches("[A-Za-z0-9]{20}");
            assertThat(MeetingIds.isRecordingId(id)).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
        assertThat(String.join("", seen)).containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]");
        assertThat(MeetingIds.isRecordingId("short")).isFalse();
        assertThat(MeetingIds.isRecordingId("abcdefghij/lmnopqrst")).isFalse();
    }

    @Test
    void normalisesRoomNamesToLowerCase() {
        assertThat(MeetingIds.slug("Team-Standup")).contains("team-standup");
        assertThat(MeetingIds.slug("abc")).contains("abc");
        assertThat(MeetingIds.slug("a".repeat(64))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "ab", "-abc", "abc-", "a b c", "room/1", "räum", "abcd-efgh-ijkl", "ABCD-EFGH-IJKL",
            "room_1", "🚀🚀🚀" })
    void refusesRoomNamesThatAreInvalidOrShapedLikeAMeetingId(String candidate) {
        assertThat(MeetingIds.slug(candidate)).isEmpty();
    }

    @Test
    void refusesOverlongRoomNames() {
        assertThat(MeetingIds.slug("a".repeat(65))).isEmpty();
        assertThat(MeetingIds.slug("a".repeat(100_000))).isEmpty();
        assertThat(MeetingIds.slug(null)).isEmpty();
    }

}
