package io.parley.meeting.recording;

import java.util.Optional;

import io.parley.meeting.meeting.MeetingIds;

/**
 * A recording in the sorted set of maximum lengths, stored as
 * {@code "<meetingId> <recordingId>"}. Naming the recording, not only the meeting, lets a
 * start add its entry before the recording exists (a refused or crashed start leaves a
 * harmless entry) and keeps a later recording of the same meeting from being stopped at
 * an earlier one's deadline.
 */
record DeadlineEntry(String meetingId, String recordingId) {

    String member() {
        return meetingId + " " + recordingId;
    }

    /** Empty for anything that is not a meeting id and a recording id. */
    static Optional<DeadlineEntry> parse(String member) {
        int space = member == null ? -1 : member.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String meetingId = member.substring(0, space);
        String recordingId = member.substring(space + 1);
        return MeetingIds.isMeetingId(meetingId) && MeetingIds.isRecordingId(recordingId)
                ? Optional.of(new DeadlineEntry(meetingId, recordingId)) : Optional.empty();
    }

}
