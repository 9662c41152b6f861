package io.parley.quality.history;

/**
 * What the history holds of one meeting over a range: how many samples from how many
 * participants, and the first and last sample's timestamps (epoch milliseconds).
 */
public record MeetingTotals(long samples, int participants, long firstTimestamp, long lastTimestamp) {
}
