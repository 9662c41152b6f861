package io.parley.quality.view;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The distribution of one metric over a meeting's samples in the range asked for. Without
 * values only {@code count} (0) and an empty histogram are present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricSummary(long count, Double min, Double max, Double mean, Double p50, Double p95, Double p99,
        List<HistogramBin> histogram) {

    /** A metric nothing in the range measured. */
    public static final MetricSummary EMPTY = new MetricSummary(0, null, null, null, null, null, null, List.of());

}
