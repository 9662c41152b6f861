package io.parley.meeting.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The JSON bodies of the meeting endpoints (docs/openapi/meeting-service.yaml describes
 * them).
 */
public final class MeetingApi {

    private MeetingApi() {
    }

    /**
     * {@code hostUserId} only with an API key: the integration's own id for the host (the
     * token's {@code sub}). {@code access} is {@code anyone} (default), {@code org}
     * (members of {@code orgId}) or {@code invited} ({@code invitedAccounts}); the last
     * two need the host to be signed in. {@code media} is {@code auto} (default),
     * {@code mesh} or {@code sfu} ({@link MediaMode}).
     */
    public record CreateMeetingRequest(String hostName, String title, String slug, Integer maxParticipants,
            String hostUserId, String access, String orgId, List<String> invitedAccounts, String media) {
    }

    /**
     * What a caller gets to enter the meeting with: their participant id and join token.
     */
    public record Credentials(String participantId, String role, String token, Instant expiresAt) {
    }

    /**
     * 201 to a join or a minted token: who the caller is in which meeting, and their
     * token.
     */
    public record Joined(String meetingId, String participantId, String role, String token, Instant expiresAt) {

        public static Joined of(String meetingId, Credentials credentials) {
            return new Joined(meetingId, credentials.participantId(), credentials.role(), credentials.token(),
                    credentials.expiresAt());
        }
    }

    /** 201: a new meeting and its host's credentials. */
    public record Created(String meetingId, String slug, String joinUrl, boolean created, Credentials host) {
    }

    /** 200: the named room existed, the caller joined it as a participant. */
    public record JoinedRoom(String meetingId, String slug, String joinUrl, boolean created, Credentials participant) {
    }

    public record TimerRequest(String preset) {
    }

    public record TimerView(String preset, int seconds, Instant startedAt, Instant endsAt, long remainingSeconds) {

        static TimerView of(Meeting.Timer timer, Clock clock) {
            long remaining = Math.max(0, timer.endsAt().getEpochSecond() - clock.instant().getEpochSecond());
            return new TimerView(timer.preset(), timer.seconds(), timer.startedAt(), timer.endsAt(), remaining);
        }
    }

    /**
     * A recording under way: what the host's start answers and what everyone sees in the
     * meeting (clients tell joiners before they publish).
     */
    public record RecordingView(String recordingId, Instant startedAt, int maxSeconds) {

        public static RecordingView of(Meeting.Recording recording) {
            return new RecordingView(recording.id(), recording.startedAt(), recording.maxSeconds());
        }
    }

    public record ParticipantView(String participantId, String name, String role, boolean muted, boolean online,
            Instant joinedAt) {
    }

    /**
     * {@code timerPresets}: what the host may start, shortest first; the client draws a
     * button for each. {@code media}: the host's {@link MediaMode}, which
     * signaling-service reads from this view for {@code welcome.meeting}.
     * {@code recording}: the recording under way, or null.
     */
    public record MeetingView(String meetingId, String slug, String title, String state, int maxParticipants,
            String joinUrl, Instant createdAt, Instant endedAt, List<ParticipantView> participants, TimerView timer,
            String access, List<TimerPresets.Preset> timerPresets, String media, RecordingView recording) {
    }

}
