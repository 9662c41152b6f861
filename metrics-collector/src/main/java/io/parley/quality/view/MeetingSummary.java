package io.parley.quality.view;

import java.util.Map;

/**
 * {@code GET /api/quality/meetings/{id}/summary}.
 *
 * @param samples the meeting's samples in the range asked for (all of them without a
 * range), of either source
 * @param retainedSamples the samples the percentiles and histograms are computed over:
 * since the history keeps every sample, the same as {@code samples} (kept for clients of
 * the earlier, bounded views)
 * @param metrics by metric name ({@code rttMs}, {@code sendBitrateBps}, ...), always all
 * of them: over the browsers' samples
 * @param sfuMetrics the same over the SFU's samples
 */
public record MeetingSummary(String meetingId, int participants, long samples, long retainedSamples,
        long firstTimestamp, long lastTimestamp, Map<String, MetricSummary> metrics,
        Map<String, MetricSummary> sfuMetrics) {
}
