package io.parley.quality.view;

/**
 * One of a histogram's equal-width bins: values from {@code from} (inclusive) to
 * {@code to}.
 */
public record HistogramBin(double from, double to, long count) {
}
