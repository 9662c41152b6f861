package io.parley.quality.history;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.parley.quality.QualityProperties;
import io.parley.quality.sample.QualitySample;
import io.parley.quality.sample.QualityStats;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes samples into {@code quality_sample}, a batch in one statement: each column
 * travels as one array and {@code unnest} turns them back into rows, so a batch of 500
 * costs one round trip and 21 parameters. A sample whose event id is already stored is
 * skipped ({@code on conflict do nothing}); the statement returns the ids it did store,
 * which is how the caller knows what was new.
 */
@Component
public class SampleHistory {

    private static final String INSERT = "insert into quality_sample (meeting_id, measured_at, event_id, "
            + "participant_id, session_id, received_at, format, meeting_session_id, rtt_ms, jitter_ms, send_loss_pct, "
            + "recv_loss_pct, send_bitrate_bps, recv_bitrate_bps, audio_send_bitrate_bps, audio_recv_bitrate_bps, "
            + "video_send_bitrate_bps, video_recv_bitrate_bps, frames_per_second, frame_width, frame_height) "
            + "select u.meeting, timestamptz 'epoch' + u.measured * interval '1 millisecond', u.event, u.participant, "
            + "u.session, timestamptz 'epoch' + u.received * interval '1 millisecond', u.format, u.meeting_session, "
            + "u.rtt, u.jitter, u.send_loss, u.recv_loss, u.send_bps, u.recv_bps, u.audio_send, u.audio_recv, "
            + "u.video_send, u.video_recv, u.fps, u.width, u.height from unnest($1::text[], $2::bigint[], "
            + "$3::text[]::uuid[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::float8[], "
            + "$10::float8[], $11::float8[], $12::float8[], $13::float8[], $14::float8[], $15::float8[], "
            + "$16::float8[], $17::float8[], $18::float8[], $19::float8[], $20::int[], $21::int[]) as u(meeting, "
            + "measured, event, participant, session, received, format, meeting_session, rtt, jitter, send_loss, "
            + "recv_loss, send_bps, recv_bps, audio_send, audio_recv, video_send, video_recv, fps, width, height) "
            + "on conflict do nothing returning event_id";

    private final DatabaseClient db;

    private final Partitions partitions;

    private final PartitionPlan plan;

    private final Clock clock;

    SampleHistory(DatabaseClient db, Partitions partitions, QualityProperties properties, Clock clock) {
        this.db = db;
        this.partitions = partitions;
        this.plan = new PartitionPlan(properties.retention(), properties.partitionsAhead());
        this.clock = clock;
    }

    /**
     * Whether the sample's day is inside the retention window (and not absurdly far
     * ahead), so it can be stored.
     */
    public boolean accepts(StoredSample sample) {
        return plan.accepts(sample.measuredAt(), clock.instant());
    }

    /**
     * Stores the samples (each of which {@link #accepts} takes, no event id twice) and
     * answers the event ids that were not stored before.
     */
    public Mono<Set<UUID>> store(List<StoredSample> samples) {
        if (samples.isEmpty()) {
            return Mono.just(Set.of());
        }
        Set<LocalDate> days = new TreeSet<>();
        samples.forEach(sample -> days.add(PartitionPlan.day(sample.measuredAt())));
        return partitions.ensure(days).then(insert(samples)).doOnError(error -> partitions.forgetKnown());
    }

    private Mono<Set<UUID>> insert(Collection<StoredSample> samples) {
        Columns columns = new Columns(samples.size());
        samples.forEach(columns::add);
        DatabaseClient.GenericExecuteSpec spec = db.sql(INSERT);
        Object[] values = columns.values();
        for (int i = 0; i < values.length; i++) {
            spec = spec.bind(i, values[i]);
        }
        return spec.map(row -> row.get(0, UUID.class)).all().collect(HashSet::new, Set::add);
    }

    /**
     * The batch turned column by column into arrays, in the order of the statement's
     * parameters.
     */
    private static final class Columns {

        private final String[] meeting;

        private final Long[] measured;

        private final String[] event;

        private final String[] participant;

        private final String[] session;

        private final Long[] received;

        private final String[] format;

        private final String[] meetingSession;

        private final Double[][] stats;

        private final Integer[] width;

        private final Integer[] height;

        private int next;

        Columns(int size) {
            meeting = new String[size];
            measured = new Long[size];
            event = new String[size];
            participant = new String[size];
            session = new String[size];
            received = new Long[size];
            format = new String[size];
            meetingSession = new String[size];
            stats = new Double[11][size];
            width = new Integer[size];
            height = new Integer[size];
        }

        void add(StoredSample stored) {
            QualitySample sample = stored.sample();
            QualityStats values = sample.stats();
            int i = next++;
            meeting[i] = sample.meetingId();
            measured[i] = sample.timestamp();
            event[i] = stored.eventId().toString();
            participant[i] = sample.participantId();
            session[i] = sample.sessionId();
            received[i] = sample.receivedAt();
            format[i] = sample.format() == null ? "unknown" : sample.format().label();
            meetingSession[i] = sample.meetingSessionId();
            Double[] row = { values.rttMs(), values.jitterMs(), values.sendPacketLossPct(), values.recvPacketLossPct(),
                    values.sendBitrateBps(), values.recvBitrateBps(), values.audioSendBitrateBps(),
                    values.audioRecvBitrateBps(), values.videoSendBitrateBps(), values.videoRecvBitrateBps(),
                    values.framesPerSecond() };
            for (int column = 0; column < row.length; column++) {
                stats[column][i] = row[column];
            }
            width[i] = values.frameWidth();
            height[i] = values.frameHeight();
        }

        Object[] values() {
            Object[] values = new Object[21];
            Object[] leading = { meeting, measured, event, participant, session, received, format, meetingSession };
            System.arraycopy(leading, 0, values, 0, leading.length);
            System.arraycopy(stats, 0, values, leading.length, stats.length);
            values[19] = width;
            values[20] = height;
            return values;
        }

    }

}
