package io.parley.quality.pipeline;

/** What the aggregator did with a record; the {@code result} tag of {@code parley_quality_samples_consumed_total}. */
public enum SampleOutcome {

    /** New: added to the views and the histograms. */
    RECORDED("recorded", 1),
    /** The same (session, timestamp) was recorded before: a retried beacon or a redelivered record. */
    DUPLICATE("duplicate", 0),
    /** Older than every point the participant's bounded series keeps, so it can no longer be told from a duplicate. */
    STALE("stale", -1),
    /** The meeting already tracks the maximum number of participants. */
    DROPPED("dropped", -2),
    /** Not a quality sample this collector can read; skipped so it cannot block the partition. */
    MALFORMED("malformed", Integer.MIN_VALUE);

    private final String tag;
    private final int scriptResult;

    SampleOutcome(String tag, int scriptResult) {
        this.tag = tag;
        this.scriptResult = scriptResult;
    }

    public String tag() {
        return tag;
    }

    /** The outcome the record-sample Lua script reports with the given code. */
    static SampleOutcome ofScriptResult(long code) {
        for (SampleOutcome outcome : values()) {
            if (outcome.scriptResult == code) {
                return outcome;
            }
        }
        throw new IllegalStateException("The record-sample script answered " + code);
    }
}
