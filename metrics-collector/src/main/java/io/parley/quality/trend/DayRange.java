package io.parley.quality.trend;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.parley.quality.view.InvalidQueryException;

/**
 * The UTC days a trend covers: {@code from} (inclusive) to {@code to} (exclusive), as ISO
 * dates. Without {@code to} the range ends after today, without {@code from} it starts
 * {@link #DEFAULT_DAYS} days before its end. At most {@link #MAX_DAYS} days, so one
 * answer stays small whatever the retention.
 */
record DayRange(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;

    static final int MAX_DAYS = 366;

    private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    static DayRange parse(String from, String to, Clock clock) {
        LocalDate end = (to != null) ? date("to", to) : LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        LocalDate start = (from != null) ? date("from", from) : end.minusDays(DEFAULT_DAYS);
        if (!start.isBefore(end)) {
            throw new InvalidQueryException("to", "must be later than from.");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw new InvalidQueryException("to", "may lie at most " + MAX_DAYS + " days after from.");
        }
        return new DayRange(start, end);
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant end() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String field, String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        }
        catch (DateTimeParseException ex) {
            throw new InvalidQueryException(field, "must be a date (UTC) such as 2026-12-01.");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidQueryException(field, "must lie between 1970 and the year 9999.");
        }
        return date;
    }

}
