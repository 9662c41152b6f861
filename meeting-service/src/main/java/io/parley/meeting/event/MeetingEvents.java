package io.parley.meeting.event;

import java.time.Instant;

/**
 * The JSON data of every event on {@code parley.meeting.events} (documented in
 * docs/meetings.md). Each carries the meeting id; the publisher adds {@code sequence},
 * the meeting's event counter, so consumers can order and de-duplicate. Times are
 * ISO-8601 instants.
 */
public final class MeetingEvents {

    private MeetingEvents() {
    }

    /**
     * A participant as events describe them; {@code userId} is the token subject (stream
     * limits count it).
     */
    public record ParticipantData(String participantId, String name, String role, String userId) {
    }

    /**
     * {@code orgId}: the organization a meeting with access {@code org} was created for
     * (null otherwise); metrics-collector counts the meeting in that organization's
     * quality. {@code media}: {@code auto}, {@code mesh} or {@code sfu}, as the host
     * chose.
     */
    public record Created(String meetingId, String slug, String title, int maxParticipants, ParticipantData host,
            Instant createdAt, String orgId, String media) {
    }

    public record ParticipantJoined(String meetingId, ParticipantData participant, Instant joinedAt) {
    }

    /**
     * {@code reason}: {@code removed} (by {@code by}, a host) or {@code left} (by
     * themself).
     */
    public record ParticipantRemoved(String meetingId, String participantId, String reason, String by, Instant at) {
    }

    /** Everyone but {@code by} (the host who asked) is to be muted. */
    public record MutedAll(String meetingId, String by, Instant at) {
    }

    public record ParticipantMuted(String meetingId, String participantId, String by, Instant at) {
    }

    public record TimerStarted(String meetingId, String preset, int seconds, Instant startedAt, Instant endsAt,
            String by) {
    }

    public record Locked(String meetingId, String by, Instant at) {
    }

    public record Ended(String meetingId, String by, Instant at) {
    }

    /**
     * {@code by} and {@code hostParticipantId}: the host who started it (the one whose
     * leaving stops it). {@code hostAccountId}: that host's account when they are signed
     * in, else null; {@code orgId}: the meeting's organization or null. Together they say
     * who may read the recording. The matching {@code recording-stopped} event
     * ({@code meetingId, recordingId, startedAt, stoppedAt, reason}) is written by the
     * Redis scripts, which know the recording they stop.
     */
    public record RecordingStarted(String meetingId, String recordingId, Instant startedAt, String by,
            String hostParticipantId, String hostAccountId, String orgId, int maxSeconds) {
    }

}
