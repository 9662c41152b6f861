package io.parley.streamlimit.events;

/**
 * The JSON payloads of the events on {@code parley.stream.events} (key and
 * {@code ce_subject} = user id); documented in docs/stream-limits.md. Times are ISO-8601
 * instants.
 */
public final class StreamEvents {

    private StreamEvents() {
    }

    /** {@code io.parley.stream.stream-started}: a new lease (not a renewal). */
    public record StreamStarted(String userId, String streamId, String meetingId, String tenant, int streamCount,
            int limit, String leaseExpiresAt) {
    }

    /** {@code io.parley.stream.stream-rejected}: a start refused at the limit. */
    public record StreamRejected(String userId, String streamId, String meetingId, String tenant, int streamCount,
            int limit) {
    }

    /**
     * {@code io.parley.stream.stream-ended}: a lease ended before it expired;
     * {@code reason} is one of {@link Reason}'s values. Signaling closes an
     * {@code evicted} stream.
     */
    public record StreamEnded(String userId, String streamId, String reason, int streamCount) {
    }

    /**
     * {@code io.parley.stream.lease-expired}: a lease ran out without being renewed or
     * ended.
     */
    public record LeaseExpired(String userId, String streamId, String expiredAt) {
    }

    /** Why a lease ended, as {@code stream-ended} spells it. */
    public enum Reason {

        ENDED("ended"), EVICTED("evicted"), PARTICIPANT_DISCONNECTED("participant-disconnected"),
        MEETING_ENDED("meeting-ended");

        private final String value;

        Reason(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

    }

}
