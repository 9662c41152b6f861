package io.parley.quality.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parley.quality.history.MeetingTotals;
import io.parley.quality.history.MetricAggregate;
import io.parley.quality.sample.QualityMetric;

/**
 * Turns what PostgreSQL aggregated into the summary view: every metric present, in the
 * catalogue's order, with {@code count: 0} and an empty histogram where nothing was
 * measured, and the bins' edges. A bin runs from {@code min + i * width} to the next
 * one's start, the last one to {@code max}; when every value is the same the bins span
 * {@code [v, v + 1]} so they keep a width (the arithmetic PostgreSQL bins the values
 * with).
 */
public final class SummaryCalculator {

    private SummaryCalculator() {
    }

    public static MeetingSummary summarise(String meetingId, MeetingTotals totals, List<MetricAggregate> browsers,
            List<MetricAggregate> sfu) {
        return new MeetingSummary(meetingId, totals.participants(), totals.samples(), totals.samples(),
                totals.firstTimestamp(), totals.lastTimestamp(), metrics(browsers), metrics(sfu));
    }

    static Map<String, MetricSummary> metrics(List<MetricAggregate> aggregates) {
        Map<String, MetricAggregate> byName = new HashMap<>();
        aggregates.forEach(aggregate -> byName.put(aggregate.metric(), aggregate));
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        for (QualityMetric metric : QualityMetric.values()) {
            MetricAggregate aggregate = byName.get(metric.jsonName());
            metrics.put(metric.jsonName(), aggregate == null ? MetricSummary.EMPTY : summarise(aggregate));
        }
        return metrics;
    }

    static MetricSummary summarise(MetricAggregate aggregate) {
        return new MetricSummary(aggregate.count(), aggregate.min(), aggregate.max(), aggregate.mean(), aggregate.p50(),
                aggregate.p95(), aggregate.p99(), histogram(aggregate.min(), aggregate.max(), aggregate.bins()));
    }

    static List<HistogramBin> histogram(double low, double high, long[] counts) {
        double top = high == low ? low + 1 : high;
        double width = (top - low) / MetricAggregate.BINS;
        List<HistogramBin> bins = new ArrayList<>(MetricAggregate.BINS);
        for (int i = 0; i < MetricAggregate.BINS; i++) {
            double to = i == MetricAggregate.BINS - 1 ? top : low + (i + 1) * width;
            bins.add(new HistogramBin(low + i * width, to, i < counts.length ? counts[i] : 0));
        }
        return bins;
    }

}
