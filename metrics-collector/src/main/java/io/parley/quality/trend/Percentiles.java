package io.parley.quality.trend;

/**
 * The median and 95th percentile of one metric over a day's samples (linear interpolation
 * between the closest ranks, as PostgreSQL's {@code percentile_cont}).
 */
public record Percentiles(double p50, double p95) {

    /** None when no sample of the day measured the metric. */
    static Percentiles of(Double[] values) {
        if (values == null || values[0] == null || values[1] == null) {
            return null;
        }
        return new Percentiles(values[0], values[1]);
    }

}
