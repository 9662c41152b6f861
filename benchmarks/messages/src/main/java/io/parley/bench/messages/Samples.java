package io.parley.bench.messages;

import java.util.Arrays;

/** Latencies in nanoseconds, collected from any thread, read as percentiles in milliseconds once collected. */
final class Samples {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized int count() {
        return size;
    }

    /** The nearest-rank percentile, in ms; NaN when there is no sample. */
    synchronized double percentileMs(double percentile) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    synchronized double maxMs() {
        return size == 0 ? Double.NaN : Arrays.stream(values, 0, size).max().getAsLong() / 1e6;
    }
}
