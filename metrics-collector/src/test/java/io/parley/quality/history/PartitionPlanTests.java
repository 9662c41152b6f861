package io.parley.quality.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartitionPlanTests {

    private static final PartitionPlan PLAN = new PartitionPlan(Duration.ofDays(30), 3);

    private static final Instant NOW = Instant.parse("2026-03-31T10:00:00Z");

    @Test
    void createsTodayAndTheDaysAheadThatAreMissing() {
        PartitionPlan.Changes changes = PLAN.changes(NOW, List.of(LocalDate.parse("2026-04-01")));

        assertThat(changes.create()).containsExactly(LocalDate.parse("2026-03-31"), LocalDate.parse("2026-04-02"),
                LocalDate.parse("2026-04-03"));
    }

    @Test
    void dropsOnlyDaysWhollyBeforeTheWindow() {
        // the window starts at 2026-03-01T10:00Z: 28 February is past it, 1 March is
        // partly inside
        PartitionPlan.Changes changes = PLAN.changes(NOW, List.of(LocalDate.parse("2026-02-27"),
                LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")));

        assertThat(changes.drop()).containsExactly(LocalDate.parse("2026-02-27"), LocalDate.parse("2026-02-28"));
    }

    @Test
    void acceptsSamplesInsideTheWindowAndNotTooFarAhead() {
        assertThat(PLAN.accepts(Instant.parse("2026-03-01T00:00:00Z"), NOW)).isTrue();
        assertThat(PLAN.accepts(Instant.parse("2026-02-28T23:59:59Z"), NOW)).isFalse();
        assertThat(PLAN.accepts(Instant.parse("2026-04-03T23:59:59Z"), NOW)).isTrue();
        assertThat(PLAN.accepts(Instant.parse("2026-04-04T00:00:00Z"), NOW)).isFalse();
    }

    @Test
    void namesPartitionsByTheirDayAndReadsOnlyThoseNamesBack() {
        assertThat(PartitionPlan.tableName(LocalDate.parse("2026-03-31"))).isEqualTo("quality_sample_20260331");
        assertThat(PartitionPlan.dayOf("quality_sample_20260331")).contains(LocalDate.parse("2026-03-31"));
        assertThat(PartitionPlan.dayOf("quality_sample_20261399")).isEmpty();
        assertThat(PartitionPlan.dayOf("quality_participant")).isEmpty();
    }

}
