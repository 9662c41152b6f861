package io.parley.quality.trend;

import java.time.Instant;
import java.time.LocalDate;

import io.parley.quality.sample.BeaconFormat;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Aggregates the samples of an organization's meetings per UTC day, in PostgreSQL: one
 * row per day, so the answer is bounded by the range's length and not by the number of
 * samples. The range on {@code measured_at} keeps the scan to that range's daily
 * partitions; each of the organization's meetings is then read by the primary key. The
 * browsers' samples only: the SFU's measure the same calls from the other end.
 */
@Component
class OrgTrends {

    static final String DAYS = "select (s.measured_at at time zone 'UTC')::date as day, "
            + "count(distinct s.meeting_id) as meetings, "
            + "count(distinct (s.meeting_id, s.participant_id)) as participants, "
            + "count(distinct (s.meeting_id, s.participant_id, date_trunc('minute', s.measured_at))) as minutes, "
            + "count(*) as samples, " + percentiles("rtt_ms", "rtt") + ", " + percentiles("recv_loss_pct", "loss")
            + ", " + percentiles("recv_bitrate_bps", "bitrate") + " from quality_org_meeting m "
            + "join quality_sample s on s.meeting_id = m.meeting_id "
            + "where m.org_id = $1 and s.measured_at >= $2 and s.measured_at < $3 and s.format <> '"
            + BeaconFormat.SFU.label() + "' group by 1 order by 1";

    private final DatabaseClient db;

    OrgTrends(DatabaseClient db) {
        this.db = db;
    }

    Flux<DayQuality> days(String orgId, Instant from, Instant to) {
        return db.sql(DAYS)
            .bind(0, orgId)
            .bind(1, from)
            .bind(2, to)
            .map(row -> new DayQuality(row.get("day", LocalDate.class), row.get("meetings", Long.class),
                    row.get("participants", Long.class), row.get("minutes", Long.class), row.get("samples", Long.class),
                    Percentiles.of(row.get("rtt", Double[].class)), Percentiles.of(row.get("loss", Double[].class)),
                    Percentiles.of(row.get("bitrate", Double[].class))))
            .all();
    }

    private static String percentiles(String column, String alias) {
        return "percentile_cont(array[0.5, 0.95]::float8[]) within group (order by s." + column + ") as " + alias;
    }

}
