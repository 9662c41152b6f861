package io.parley.quality.view;

import java.time.Instant;

/**
 * The part of a meeting a view or an export covers: samples measured from {@code from}
 * (inclusive) to {@code to} (exclusive). Both are optional query parameters in epoch
 * milliseconds, as the samples' timestamps are; without them the range is everything the
 * history holds.
 */
public record TimeRange(Instant from, Instant to) {

    static final Instant EARLIEST = Instant.EPOCH;

    /** The last instant of the year 9999, far within PostgreSQL's range. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public static final TimeRange ALL = new TimeRange(EARLIEST, LATEST);

    /**
     * From the query parameters; anything but whole milliseconds in order within the
     * supported span is a 400.
     */
    public static TimeRange parse(String from, String to) {
        Instant start = from == null ? EARLIEST : instant("from", from);
        Instant end = to == null ? LATEST : instant("to", to);
        if (!start.isBefore(end)) {
            throw new InvalidQueryException("to", "must be later than from.");
        }
        return new TimeRange(start, end);
    }

    private static Instant instant(String field, String text) {
        long millis;
        try {
            millis = Long.parseLong(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new InvalidQueryException(field, "must be a time in epoch milliseconds, e.g. 1767268800000.");
        }
        if (millis < EARLIEST.toEpochMilli() || millis > LATEST.toEpochMilli()) {
            throw new InvalidQueryException(field, "must lie between 1970 and the year 9999.");
        }
        return Instant.ofEpochMilli(millis);
    }
}
