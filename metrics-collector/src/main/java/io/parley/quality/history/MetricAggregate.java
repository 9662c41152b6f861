package io.parley.quality.history;

/**
 * One metric of a meeting as PostgreSQL aggregated it: how many values, their range, mean
 * and percentiles (linear interpolation between the closest ranks,
 * {@code percentile_cont}), and how many fall into each of the {@link #BINS} equal-width
 * bins from {@code min} to {@code max} (the last bin including {@code max}; when every
 * value is the same the bins span {@code [min, min + 1]}).
 */
public record MetricAggregate(String metric, long count, double min, double max, double mean, double p50, double p95,
        double p99, long[] bins) {

    public static final int BINS = 20;

}
