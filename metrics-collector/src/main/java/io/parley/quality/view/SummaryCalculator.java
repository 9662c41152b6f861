package io.parley.quality.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parley.quality.sample.MeetingSeries;
import io.parley.quality.sample.ParticipantSeries;
import io.parley.quality.sample.QualityMetric;
import io.parley.quality.sample.QualityPoint;

/**
 * Percentiles and histograms of a meeting's metrics, over the points of all its participants. Percentiles
 * interpolate linearly between the closest ranks (as numpy's default does); the histogram has equal-width bins from
 * the smallest to the largest value, the last bin including the largest.
 */
public final class SummaryCalculator {

    public static final int BINS = 20;

    private SummaryCalculator() {
    }

    public static MeetingSummary summarise(MeetingSeries series) {
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        long retained = series.participants().stream().mapToLong(participant -> participant.points().size()).sum();
        for (QualityMetric metric : QualityMetric.values()) {
            metrics.put(metric.jsonName(), summarise(values(series, metric)));
        }
        return new MeetingSummary(series.meetingId(), series.participants().size(), series.samples(), retained,
                series.firstTimestamp(), series.lastTimestamp(), metrics);
    }

    private static double[] values(MeetingSeries series, QualityMetric metric) {
        List<Double> values = new ArrayList<>();
        for (ParticipantSeries participant : series.participants()) {
            for (QualityPoint point : participant.points()) {
                Double value = metric.valueIn(point.stats());
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static MetricSummary summarise(double[] values) {
        if (values.length == 0) {
            return new MetricSummary(0, null, null, null, null, null, null, List.of());
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double value : sorted) {
            sum += value;
        }
        return new MetricSummary(sorted.length, sorted[0], sorted[sorted.length - 1], sum / sorted.length,
                percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), histogram(sorted));
    }

    static double percentile(double[] sorted, double quantile) {
        double rank = quantile * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    /** When every value is the same, the bins span [value, value + 1) so they keep a width. */
    static List<HistogramBin> histogram(double[] sorted) {
        double low = sorted[0];
        double high = sorted[sorted.length - 1];
        if (high == low) {
            high = low + 1;
        }
        double width = (high - low) / BINS;
        long[] counts = new long[BINS];
        for (double value : sorted) {
            int bin = (int) Math.floor((value - low) / width);
            counts[Math.min(Math.max(bin, 0), BINS - 1)]++;
        }
        List<HistogramBin> bins = new ArrayList<>(BINS);
        for (int i = 0; i < BINS; i++) {
            double to = i == BINS - 1 ? high : low + (i + 1) * width;
            bins.add(new HistogramBin(low + i * width, to, counts[i]));
        }
        return bins;
    }
}
