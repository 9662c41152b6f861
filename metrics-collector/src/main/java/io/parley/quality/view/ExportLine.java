package io.parley.quality.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.quality.history.StoredSample;
import io.parley.quality.sample.QualitySample;
import io.parley.quality.sample.QualityStats;

/**
 * One exported sample, flat, so that a notebook reads either format straight into a table
 * (pandas {@code read_json(lines=True)} or {@code read_csv}): the components are the JSON
 * Lines fields and, in this order, the CSV columns. Times are epoch milliseconds; absent
 * measurements are left out of a JSON line and empty in CSV.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ExportLine(String eventId, String meetingId, String participantId, String sessionId, long timestamp,
        long receivedAt, String format, String meetingSessionId, Double rttMs, Double jitterMs,
        Double sendPacketLossPct, Double recvPacketLossPct, Double sendBitrateBps, Double recvBitrateBps,
        Double audioSendBitrateBps, Double audioRecvBitrateBps, Double videoSendBitrateBps, Double videoRecvBitrateBps,
        Double framesPerSecond, Integer frameWidth, Integer frameHeight) {

    static ExportLine of(StoredSample stored) {
        QualitySample sample = stored.sample();
        QualityStats stats = sample.stats();
        return new ExportLine(stored.eventId().toString(), sample.meetingId(), sample.participantId(),
                sample.sessionId(), sample.timestamp(), sample.receivedAt(),
                sample.format() == null ? null : sample.format().label(), sample.meetingSessionId(), stats.rttMs(),
                stats.jitterMs(), stats.sendPacketLossPct(), stats.recvPacketLossPct(), stats.sendBitrateBps(),
                stats.recvBitrateBps(), stats.audioSendBitrateBps(), stats.audioRecvBitrateBps(),
                stats.videoSendBitrateBps(), stats.videoRecvBitrateBps(), stats.framesPerSecond(), stats.frameWidth(),
                stats.frameHeight());
    }

    /** The values in column order, null where absent. */
    Object[] values() {
        return new Object[] { eventId, meetingId, participantId, sessionId, timestamp, receivedAt, format,
                meetingSessionId, rttMs, jitterMs, sendPacketLossPct, recvPacketLossPct, sendBitrateBps, recvBitrateBps,
                audioSendBitrateBps, audioRecvBitrateBps, videoSendBitrateBps, videoRecvBitrateBps, framesPerSecond,
                frameWidth, frameHeight };
    }
}
