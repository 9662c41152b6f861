package io.parley.quality.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.parley.quality.QualityProperties;
import io.parley.quality.sample.BeaconFormat;
import io.parley.quality.sample.QualitySample;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every stored sample of a meeting in a range, oldest first, read a page at a time: each
 * page continues after the last row of the one before ({@code (measured_at, event_id)},
 * the primary key's order, so each page is an index range scan), and the next page is
 * read only once the previous one is being written. What the export holds in memory is a
 * page or two, however many samples the meeting has.
 */
@Component
public class SampleExport {

    private static final String PAGE = "select meeting_id, participant_id, session_id, measured_at, event_id, "
            + "received_at, format, meeting_session_id, " + SampleColumns.STATS + " from quality_sample where "
            + MeetingSamples.range("") + " and (measured_at, event_id) > ($4, $5) "
            + "order by measured_at, event_id limit $6";

    private static final UUID LOWEST = new UUID(0, 0);

    private final DatabaseClient db;

    private final int pageSize;

    SampleExport(DatabaseClient db, QualityProperties properties) {
        this.db = db;
        this.pageSize = properties.exportPageSize();
    }

    /** A page of samples and where the range was read from. */
    public record Page(String meetingId, Instant from, Instant to, List<StoredSample> samples, boolean full) {

        public boolean isEmpty() {
            return samples.isEmpty();
        }
    }

    /**
     * The first page: its emptiness tells there is nothing to export before anything is
     * written.
     */
    public Mono<Page> firstPage(String meetingId, Instant from, Instant to) {
        return page(meetingId, from, to, from.minusNanos(1_000), LOWEST);
    }

    /**
     * The samples of the first page and of every page after it, read as they are
     * consumed.
     */
    public Flux<StoredSample> samples(Page first) {
        return Mono.just(first)
            .expand(page -> page.full() ? next(page) : Mono.empty())
            .concatMapIterable(Page::samples, 1);
    }

    private Mono<Page> next(Page page) {
        StoredSample last = page.samples().get(page.samples().size() - 1);
        return page(page.meetingId(), page.from(), page.to(), last.measuredAt(), last.eventId());
    }

    private Mono<Page> page(String meetingId, Instant from, Instant to, Instant afterTime, UUID afterEvent) {
        return db.sql(PAGE)
            .bind(0, meetingId)
            .bind(1, from)
            .bind(2, to)
            .bind(3, afterTime)
            .bind(4, afterEvent)
            .bind(5, pageSize)
            .map(row -> new StoredSample(row.get("event_id", UUID.class),
                    new QualitySample(row.get("meeting_id", String.class), row.get("participant_id", String.class),
                            row.get("session_id", String.class), SampleColumns.millis(row, "measured_at"),
                            SampleColumns.millis(row, "received_at"), format(row.get("format", String.class)),
                            row.get("meeting_session_id", String.class), SampleColumns.stats(row))))
            .all()
            .collectList()
            .map(samples -> new Page(meetingId, from, to, samples, samples.size() == pageSize));
    }

    private static BeaconFormat format(String label) {
        for (BeaconFormat format : BeaconFormat.values()) {
            if (format.label().equals(label)) {
                return format;
            }
        }
        return null;
    }

}
