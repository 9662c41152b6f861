package io.parley.quality.sample;

/**
 * One sample in a participant's time series, as stored in Redis and shown by the views.
 */
public record QualityPoint(long timestamp, String sessionId, QualityStats stats) {
}
