package io.parley.quality.sfu;

/**
 * What became of one Janus event; the {@code result} tag of
 * {@code parley_quality_sfu_events_total}.
 */
public enum SfuEventResult {

    /** A handle or statistics event of a handle signaling attached for a participant. */
    ATTRIBUTED("attributed"),
    /**
     * Without an opaque id, or with one signaling did not give (another application on
     * the same Janus, a test): dropped.
     */
    FOREIGN("foreign"),
    /**
     * Not used: other event types, statistics that measured nothing yet or of ids the
     * pipeline does not take.
     */
    IGNORED("ignored");

    private final String tag;

    SfuEventResult(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

}
