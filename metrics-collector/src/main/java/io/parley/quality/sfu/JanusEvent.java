package io.parley.quality.sfu;

import java.util.List;

/**
 * One event of a Janus event-handler post, as far as the collector reads it.
 *
 * @param type Janus's event type: 2 for handles, 32 for media
 * @param subtype within media events, 3 for statistics
 * @param timestamp when Janus emitted it, epoch microseconds (0 when absent)
 * @param sessionId the Janus session, 0 when absent
 * @param handleId the Janus handle, 0 when absent
 * @param opaqueId what the handle was attached with, or null
 * @param name what happened to a handle ({@code attached}, {@code detached}), or null
 * @param streams a statistics event's streams: one, or all of the handle's with
 * {@code combine_media_stats}
 */
public record JanusEvent(int type, int subtype, long timestamp, long sessionId, long handleId, String opaqueId,
        String name, List<StreamStats> streams) {

    public static final int HANDLE = 2;

    public static final int MEDIA = 32;

    public static final int MEDIA_STATS = 3;

    public boolean isHandle() {
        return type == HANDLE;
    }

    public boolean isMediaStats() {
        return type == MEDIA && subtype == MEDIA_STATS;
    }

    /**
     * One stream's counters, as Janus reports them: cumulative since the stream started
     * but for the last second's bytes, the round-trip time and the jitters.
     *
     * @param mid the stream's mid
     * @param media {@code audio}, {@code video}, {@code video-sim1}, {@code video-sim2}
     * or {@code data}
     * @param rttMs from RTCP, 0 when not known yet (first layer of audio and video only)
     * @param lost packets of the participant's stream that did not reach Janus
     * @param lostByRemote packets Janus sent that the participant reported lost
     * @param jitterLocalMs jitter of what Janus receives
     * @param jitterRemoteMs jitter the participant reports for what Janus sends
     */
    public record StreamStats(String mid, String media, long rttMs, long lost, long lostByRemote, long jitterLocalMs,
            long jitterRemoteMs, long packetsReceived, long packetsSent, long bytesReceivedLastSec,
            long bytesSentLastSec, long nacksReceived, long nacksSent) {

        boolean isAudio() {
            return "audio".equals(media);
        }

        boolean isVideo() {
            return media != null && media.startsWith("video");
        }

        /** Only the first layer carries the round-trip time. */
        boolean isFirstLayer() {
            return "audio".equals(media) || "video".equals(media);
        }

    }

}
