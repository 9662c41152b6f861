package io.parley.quality.sample;

import java.util.List;

/**
 * What the collector keeps of one meeting: every participant's retained series as their
 * browser reported it and as the SFU measured it, plus totals over the whole meeting
 * (also samples already trimmed from the bounded series).
 *
 * @param samples every sample recorded for the meeting, of either source
 * @param firstTimestamp the earliest sample's timestamp, epoch milliseconds
 * @param lastTimestamp the latest sample's timestamp, epoch milliseconds
 * @param participants what each participant's browser reported
 * @param sfu what the SFU measured on each participant's handles (empty for a mesh call
 * or without Janus's event handler); the session id names the Janus session and handle
 */
public record MeetingSeries(String meetingId, long samples, long firstTimestamp, long lastTimestamp,
        List<ParticipantSeries> participants, List<ParticipantSeries> sfu) {
}
