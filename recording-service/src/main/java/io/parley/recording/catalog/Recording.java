package io.parley.recording.catalog;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * One recording as the catalogue keeps it.
 *
 * @param recordingId 20 random characters of [A-Za-z0-9], made by meeting-service
 * @param meetingId the meeting recorded
 * @param state where it is
 * @param startedAt when the host started it
 * @param stoppedAt when it stopped (null while recording)
 * @param hostParticipantId the host who started it
 * @param hostAccountId the host's account when signed in, else null
 * @param orgId the meeting's organization, else null
 * @param durationSeconds the length of the composed file, once ready
 * @param failureReason why processing gave up, once failed
 */
public record Recording(String recordingId, String meetingId, RecordingState state, Instant startedAt,
        Instant stoppedAt, String hostParticipantId, String hostAccountId, String orgId, Double durationSeconds,
        String failureReason) {

    private static final Pattern RECORDING_ID = Pattern.compile("[A-Za-z0-9]{20}");

    private static final Pattern MEETING_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public static boolean isRecordingId(String value) {
        return value != null && RECORDING_ID.matcher(value).matches();
    }

    public static boolean isMeetingId(String value) {
        return value != null && MEETING_ID.matcher(value).matches();
    }

}
