package io.parley.quality.view;

import java.util.Map;

/**
 * {@code GET /api/quality/meetings/{id}/summary}.
 *
 * @param samples every sample recorded for the meeting
 * @param retainedSamples the samples the percentiles and histograms are computed over (the bounded series)
 * @param metrics by metric name ({@code rttMs}, {@code sendBitrateBps}, ...), always all of them
 */
public record MeetingSummary(String meetingId, int participants, long samples, long retainedSamples,
        long firstTimestamp, long lastTimestamp, Map<String, MetricSummary> metrics) {
}
