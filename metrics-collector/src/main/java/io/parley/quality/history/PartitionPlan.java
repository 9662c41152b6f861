package io.parley.quality.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which daily partitions of {@code quality_sample} should exist: today's and
 * {@code ahead} days after it, made in advance, plus any past day inside the retention
 * window that a late sample needs (made when it arrives). A day is expired once all of it
 * lies before {@code now - retention}, and only then is its partition dropped, whole;
 * until then it stays readable.
 */
public final class PartitionPlan {

    static final String TABLE = "quality_sample";

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private static final Pattern NAME = Pattern.compile(TABLE + "_(\\d{8})");

    private final Duration retention;

    private final int ahead;

    public PartitionPlan(Duration retention, int ahead) {
        this.retention = retention;
        this.ahead = ahead;
    }

    /** What to do now, given the days that have a partition. */
    public Changes changes(Instant now, Collection<LocalDate> existing) {
        TreeSet<LocalDate> create = new TreeSet<>();
        LocalDate today = day(now);
        for (LocalDate day = today; !day.isAfter(today.plusDays(ahead)); day = day.plusDays(1)) {
            if (!existing.contains(day)) {
                create.add(day);
            }
        }
        List<LocalDate> drop = existing.stream().filter(day -> isExpired(day, now)).sorted().toList();
        return new Changes(List.copyOf(create), drop);
    }

    /**
     * Whether a sample measured at this instant may be stored: its day is neither expired
     * nor too far ahead.
     */
    public boolean accepts(Instant measuredAt, Instant now) {
        LocalDate day = day(measuredAt);
        return !isExpired(day, now) && !day.isAfter(day(now).plusDays(ahead));
    }

    public boolean isExpired(LocalDate day, Instant now) {
        return !start(day.plusDays(1)).isAfter(now.minus(retention));
    }

    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static String tableName(LocalDate day) {
        return TABLE + '_' + SUFFIX.format(day);
    }

    /** The day a partition's table name stands for; empty for any other table. */
    public static Optional<LocalDate> dayOf(String tableName) {
        Matcher matcher = NAME.matcher(tableName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(matcher.group(1), SUFFIX));
        }
        catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /**
     * Partitions to create (today and later only: past days get theirs when a late sample
     * needs it).
     */
    public record Changes(List<LocalDate> create, List<LocalDate> drop) {
    }

}
