package io.parley.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.harness.SharedInfrastructure;
import io.parley.quality.history.PartitionMaintenance;
import io.parley.quality.history.PartitionPlan;
import io.parley.quality.history.Partitions;
import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualitySample;
import io.parley.quality.sample.QualityStats;
import io.parley.quality.support.EventPublisher;
import io.parley.quality.support.HistoryDatabase;
import io.parley.quality.support.RunningCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Retention by whole partitions, on a database of its own: the coming days' partitions
 * exist ahead of time, only days entirely past the window are dropped, and a sample that
 * arrives for an expired day is not stored (nor is its partition brought back), while a
 * late sample for a day inside the window gets its partition on demand.
 */
class RetentionIT {

    private static final String DATABASE = "quality_retention";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private static RunningCollector collector;

    private static HistoryDatabase database;

    private static EventPublisher events;

    @BeforeAll
    static void start() {
        collector = RunningCollector.start(SharedInfrastructure.redis(), SharedInfrastructure.kafka(),
                SharedInfrastructure.postgres(), DATABASE, "--parley.quality.retention=30d",
                "--parley.quality.partitions-ahead=3");
        database = new HistoryDatabase(SharedInfrastructure.postgres(), DATABASE);
        events = new EventPublisher(SharedInfrastructure.kafka());
    }

    @AfterAll
    static void stop() {
        events.close();
        collector.close();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String day(int daysFromToday) {
        return DAY.format(today().plusDays(daysFromToday));
    }

    /**
     * A row in the middle of the given day, written directly as the consumer would have
     * written it then.
     */
    private static void storedSampleOn(int daysFromToday, String meetingId) {
        Instant noon = today().plusDays(daysFromToday).atTime(12, 0).toInstant(ZoneOffset.UTC);
        database.execute("insert into quality_sample (meeting_id, measured_at, event_id, participant_id, session_id, "
                + "received_at, format, rtt_ms) values (?, ?::timestamptz, ?::uuid, 'p-1', 's-1', ?::timestamptz, "
                + "'parley', 30)", meetingId, noon.toString(), UUID.randomUUID().toString(), noon.toString());
    }

    private static QualitySample sampleOn(String meetingId, Instant measuredAt) {
        return new QualitySample(meetingId, "p-1", "s-1", measuredAt.toEpochMilli(), Instant.now().toEpochMilli(),
                BeaconFormat.PARLEY, null,
                new QualityStats(30.0, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void dropsOnlyThePartitionsWhollyPastTheRetentionWindow() {
        await().atMost(Duration.ofSeconds(30))
            .until(() -> database.partitionDays().containsAll(List.of(day(0), day(1), day(2), day(3))));
        Partitions partitions = collector.bean(Partitions.class);
        String meetingId = "m-" + UUID.randomUUID();
        for (int daysAgo : List.of(40, 31, 30, 29)) {
            partitions.create(today().minusDays(daysAgo)).block(Duration.ofSeconds(10));
            storedSampleOn(-daysAgo, meetingId);
        }

        PartitionPlan.Changes changes = collector.bean(PartitionMaintenance.class)
            .maintain()
            .block(Duration.ofSeconds(30));

        assertThat(changes.drop()).containsExactly(today().minusDays(40), today().minusDays(31));
        assertThat(database.partitionDays()).doesNotContain(day(-40), day(-31))
            .contains(day(-30), day(-29), day(0), day(1), day(2), day(3));
        assertThat(database.strings("select to_char(measured_at at time zone 'UTC', 'YYYYMMDD') from quality_sample "
                + "where meeting_id = ? order by 1", meetingId))
            .containsExactly(day(-30), day(-29));
    }

    @Test
    void aSampleOfAnExpiredDayIsSkippedAndALateOneInsideTheWindowGetsItsPartition() {
        String meetingId = "m-" + UUID.randomUUID();
        double expiredBefore = collector.scrape()
            .value("parley_quality_samples_consumed_total", Map.of("result", "expired"));
        Instant expired = today().minusDays(35).atTime(9, 0).toInstant(ZoneOffset.UTC);
        Instant late = today().minusDays(20).atTime(9, 0).toInstant(ZoneOffset.UTC);

        events.sample(sampleOn(meetingId, expired));
        events.sample(sampleOn(meetingId, late));
        events.flush();

        await().atMost(Duration.ofSeconds(30))
            .until(() -> database.count("select count(*) from quality_sample where meeting_id = ?", meetingId) == 1);
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(
                    collector.scrape().value("parley_quality_samples_consumed_total", Map.of("result", "expired")))
                .isEqualTo(expiredBefore + 1));
        assertThat(database.partitionDays()).contains(day(-20)).doesNotContain(day(-35));
    }

}
