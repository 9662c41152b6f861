package io.parley.quality.pipeline;

/**
 * What the consumer did with a record; the {@code result} tag of
 * {@code parley_quality_samples_consumed_total}.
 */
public enum SampleOutcome {

    /** New: stored in the history and added to the histograms. */
    RECORDED("recorded"),
    /** Its event id was stored before: a retried beacon or a redelivered record. */
    DUPLICATE("duplicate"),
    /**
     * Measured on a day already past the retention window (a consumer far behind): not
     * stored.
     */
    EXPIRED("expired"),
    /**
     * Not a quality sample this collector can read; skipped so it cannot block the
     * partition.
     */
    MALFORMED("malformed");

    private final String tag;

    SampleOutcome(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

}
