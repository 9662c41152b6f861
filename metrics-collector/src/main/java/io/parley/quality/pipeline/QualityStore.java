package io.parley.quality.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.parley.quality.QualityProperties;
import io.parley.quality.sample.MeetingSeries;
import io.parley.quality.sample.ParticipantSeries;
import io.parley.quality.sample.QualityPoint;
import io.parley.quality.sample.QualitySample;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-meeting quality series in Redis (PLATFORM.md §4.5): per participant a bounded series of points, per
 * meeting the participants and totals, all under the meeting's hash tag and expiring a retention period after the
 * last sample. Writes go through one Lua script that records a sample at most once per (session, timestamp).
 */
@Component
public class QualityStore {

    private static final LuaScript RECORD = LuaScript.integer("record-sample.lua");
    private static final Comparator<QualityPoint> OLDEST_FIRST = Comparator.comparingLong(QualityPoint::timestamp)
        .thenComparing(QualityPoint::sessionId);

    private final ReactiveStringRedisTemplate redis;
    private final RedisScripts scripts;
    private final JsonMapper json;
    private final QualityProperties properties;

    public QualityStore(ReactiveStringRedisTemplate redis, RedisScripts scripts, JsonMapper json,
            QualityProperties properties) {
        this.redis = redis;
        this.scripts = scripts;
        this.json = json;
        this.properties = properties;
    }

    public Mono<SampleOutcome> record(QualitySample sample) {
        String meeting = sample.meetingId();
        String participant = sample.participantId();
        List<String> keys = List.of(participantsKey(meeting), indexKey(meeting, participant),
                pointsKey(meeting, participant), totalsKey(meeting));
        return scripts.integer(RECORD, keys, member(sample), Long.toString(sample.timestamp()),
                json.writeValueAsString(sample.point()), Integer.toString(properties.maxPointsPerParticipant()),
                Integer.toString(properties.maxParticipantsPerMeeting()),
                Long.toString(properties.retention().toSeconds()), participant)
            .map(SampleOutcome::ofScriptResult);
    }

    /** The meeting's series, or empty when the collector has no sample of it (never had, or they expired). */
    public Mono<MeetingSeries> read(String meetingId) {
        return redis.opsForZSet()
            .range(participantsKey(meetingId), Range.closed(0L, -1L))
            .collectList()
            .filter(participants -> !participants.isEmpty())
            .flatMap(participants -> Flux.fromIterable(participants)
                .flatMapSequential(participant -> points(meetingId, participant))
                .collectList()
                .zipWith(totals(meetingId))
                .map(seriesAndTotals -> {
                    Map<String, String> totals = seriesAndTotals.getT2();
                    return new MeetingSeries(meetingId, number(totals, "samples"), number(totals, "first"),
                            number(totals, "last"), seriesAndTotals.getT1());
                }));
    }

    private Mono<ParticipantSeries> points(String meetingId, String participantId) {
        return redis.<String, String>opsForHash()
            .values(pointsKey(meetingId, participantId))
            .map(point -> json.readValue(point, QualityPoint.class))
            .sort(OLDEST_FIRST)
            .collectList()
            .map(points -> new ParticipantSeries(participantId, points));
    }

    private Mono<Map<String, String>> totals(String meetingId) {
        return redis.<String, String>opsForHash()
            .entries(totalsKey(meetingId))
            .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static long number(Map<String, String> totals, String field) {
        String value = totals.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** What identifies a sample: a retried beacon has the same, a new measurement a different one. */
    static String member(QualitySample sample) {
        return sample.sessionId() + '|' + sample.timestamp();
    }

    private static String prefix(String meetingId) {
        return "quality:{meeting:" + meetingId + "}:";
    }

    static String participantsKey(String meetingId) {
        return prefix(meetingId) + "participants";
    }

    static String indexKey(String meetingId, String participantId) {
        return prefix(meetingId) + "index:" + participantId;
    }

    static String pointsKey(String meetingId, String participantId) {
        return prefix(meetingId) + "points:" + participantId;
    }

    static String totalsKey(String meetingId) {
        return prefix(meetingId) + "totals";
    }
}
