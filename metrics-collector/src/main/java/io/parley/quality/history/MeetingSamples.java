package io.parley.quality.history;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.ParticipantSeries;
import io.parley.quality.sample.QualityMetric;
import io.parley.quality.sample.QualityPoint;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads one meeting's samples for the views, over a time range. Every query is bounded:
 * the series returns at most {@code maxPoints} per participant for at most
 * {@code maxParticipants} participants, and the summary is computed by PostgreSQL
 * (percentiles with {@code percentile_cont}, histogram bins with the same arithmetic as
 * the views always used), so neither grows in the collector's memory with the meeting's
 * length.
 */
@Component
public class MeetingSamples {

    private static final String RANGE = range("");

    private static final String SFU = BeaconFormat.SFU.label();

    private final DatabaseClient db;

    MeetingSamples(DatabaseClient db) {
        this.db = db;
    }

    /** Empty when the history has no sample of the meeting in the range. */
    public Mono<MeetingTotals> totals(String meetingId, Instant from, Instant to) {
        return db
            .sql("select count(*) as samples, count(distinct participant_id) as participants, "
                    + "min(measured_at) as first, max(measured_at) as last from quality_sample where " + RANGE)
            .bind(0, meetingId)
            .bind(1, from)
            .bind(2, to)
            .map(row -> new MeetingTotals(row.get("samples", Long.class),
                    row.get("participants", Long.class).intValue(), SampleColumns.millis(row, "first"),
                    SampleColumns.millis(row, "last")))
            .one()
            .filter(totals -> totals.samples() > 0);
    }

    /**
     * Each participant's newest points in the range from one source (the browsers' or the
     * SFU's), oldest first; participants in the order they first measured.
     */
    public Mono<List<ParticipantSeries>> series(String meetingId, Instant from, Instant to, int maxParticipants,
            int maxPoints, Source source) {
        return db.sql(series(source))
            .bind(0, meetingId)
            .bind(1, from)
            .bind(2, to)
            .bind(3, maxParticipants)
            .bind(4, maxPoints)
            .map(row -> new Point(row.get("participant_id", String.class),
                    new QualityPoint(SampleColumns.millis(row, "measured_at"), row.get("session_id", String.class),
                            SampleColumns.stats(row))))
            .all()
            .bufferUntilChanged(Point::participantId)
            .map(points -> new ParticipantSeries(points.get(0).participantId(),
                    points.stream().map(Point::point).toList()))
            .collectList();
    }

    /**
     * One aggregate per metric that has at least one value in the range, over one
     * source's samples.
     */
    public Flux<MetricAggregate> summary(String meetingId, Instant from, Instant to, Source source) {
        return db.sql(summary(source)).bind(0, meetingId).bind(1, from).bind(2, to).map(row -> {
            Double[] percentiles = row.get("p", Double[].class);
            Long[] counts = row.get("counts", Long[].class);
            return new MetricAggregate(row.get("metric", String.class), row.get("n", Long.class),
                    row.get("lo", Double.class), row.get("hi", Double.class), row.get("mean", Double.class),
                    percentiles[0], percentiles[1], percentiles[2],
                    Arrays.stream(counts).mapToLong(Long::longValue).toArray());
        }).all();
    }

    private record Point(String participantId, QualityPoint point) {
    }

    /**
     * Whose measurements: the participants' browsers (beacons) or the SFU (Janus's
     * statistics of their handles).
     */
    public enum Source {

        BROWSERS("<>"), SFU("=");

        private final String comparison;

        Source(String comparison) {
            this.comparison = comparison;
        }

        String condition(String alias) {
            return alias + "format " + comparison + " '" + MeetingSamples.SFU + "'";
        }

    }

    private static String series(Source source) {
        String range = range("") + " and " + source.condition("");
        String sampleRange = range("s.") + " and " + source.condition("s.");
        return "with chosen as (select participant_id, min(measured_at) as first " + "from quality_sample where "
                + range + " group by participant_id order by first, participant_id "
                + "limit $4), ranked as (select c.first, s.participant_id, s.session_id, s.measured_at, s.event_id, "
                + SampleColumns.STATS
                + ", row_number() over (partition by s.participant_id order by s.measured_at desc, "
                + "s.event_id desc) as newest from quality_sample s join chosen c on c.participant_id = s.participant_id "
                + "where " + sampleRange + ") select * from ranked "
                + "where newest <= $5 order by first, participant_id, measured_at, event_id";
    }

    private static String summary(Source source) {
        String sampleRange = range("s.") + " and " + source.condition("s.");
        return "with v as materialized (select m.metric, m.value from quality_sample s " + "cross join lateral (values "
                + metricValues() + ") as m(metric, value) where " + sampleRange + " and m.value is not null), "
                + "stats as (select metric, count(*) as n, min(value) as lo, max(value) as hi, avg(value) as mean, "
                + "percentile_cont(array[0.5, 0.95, 0.99]::float8[]) within group (order by value) as p, "
                + "case when max(value) = min(value) then min(value) + 1 else max(value) end as top "
                + "from v group by metric), "
                + "bins as (select v.metric, least(greatest(floor((v.value - s.lo) / ((s.top - s.lo) / "
                + MetricAggregate.BINS + "))::int, 0), " + (MetricAggregate.BINS - 1) + ") as bin, count(*) as n "
                + "from v join stats s on s.metric = v.metric group by v.metric, 2) "
                + "select s.metric, s.n, s.lo, s.hi, s.mean, s.p, array(select coalesce(b.n, 0) from generate_series(0, "
                + (MetricAggregate.BINS - 1) + ") as i left join bins b on b.metric = s.metric and b.bin = i "
                + "order by i) as counts from stats s";
    }

    /** The samples of meeting $1 measured from $2 (inclusive) to $3 (exclusive). */
    static String range(String alias) {
        return alias + "meeting_id = $1 and " + alias + "measured_at >= $2 and " + alias + "measured_at < $3";
    }

    private static String metricValues() {
        return Arrays.stream(QualityMetric.values())
            .map(metric -> "('" + metric.jsonName() + "', s." + SampleColumns.column(metric) + ")")
            .collect(Collectors.joining(", "));
    }

}
