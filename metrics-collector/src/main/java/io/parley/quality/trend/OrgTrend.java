package io.parley.quality.trend;

import java.time.LocalDate;
import java.util.List;

/**
 * An organization's quality per day from {@code from} (inclusive) to {@code to}
 * (exclusive); only days with samples are listed, oldest first.
 */
public record OrgTrend(String orgId, LocalDate from, LocalDate to, List<DayQuality> days) {

}
