package io.parley.quality.sample;

import java.util.List;

/**
 * What the collector keeps of one meeting: every participant's retained series, plus
 * totals over the whole meeting (also samples already trimmed from the bounded series).
 *
 * @param samples every sample recorded for the meeting
 * @param firstTimestamp the earliest sample's timestamp, epoch milliseconds
 * @param lastTimestamp the latest sample's timestamp, epoch milliseconds
 */
public record MeetingSeries(String meetingId, long samples, long firstTimestamp, long lastTimestamp,
        List<ParticipantSeries> participants) {
}
