package io.parley.signaling.sfu;

import java.time.Duration;
import java.util.Optional;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which recording a meeting is in, recorded in Redis beside its room
 * ({@code sfu:{meeting:ID}:recording} = recording id and start) so that every signaling
 * instance records the participants who publish while it runs.
 */
@Component
public class RecordingStore {

    /** Kept a while past the longest recording, so a missed stop does not linger. */
    private static final Duration MARGIN = Duration.ofHours(1);

    private final ReactiveStringRedisTemplate redis;

    private final SfuProperties settings;

    RecordingStore(ReactiveStringRedisTemplate redis, SfuProperties settings) {
        this.redis = redis;
        this.settings = settings;
    }

    static String key(String meetingId) {
        return "sfu:{meeting:" + meetingId + "}:recording";
    }

    /** The meeting's recording, if one runs. */
    public Mono<Recording> current(String meetingId) {
        return redis.opsForValue().get(key(meetingId)).flatMap((value) -> Mono.justOrEmpty(Recording.parse(value)));
    }

    /**
     * @param maxSeconds the longest the recording may last, or 0 when unknown
     */
    Mono<Void> start(String meetingId, Recording recording, long maxSeconds) {
        Duration ttl = (maxSeconds > 0) ? Duration.ofSeconds(maxSeconds).plus(MARGIN) : settings.roomTtl();
        return redis.opsForValue().set(key(meetingId), recording.value(), ttl).then();
    }

    /** Forgets the recording unless another one started since. */
    Mono<Void> stop(String meetingId, String recordingId) {
        return redis.opsForValue()
            .get(key(meetingId))
            .filter((value) -> Recording.parse(value).map((held) -> held.id().equals(recordingId)).orElse(true))
            .flatMap((value) -> redis.delete(key(meetingId)))
            .then();
    }

    /** A recording: its id (the name of its folder) and when it started (ISO-8601). */
    public record Recording(String id, String startedAt) {

        String value() {
            return id + " " + startedAt;
        }

        static Optional<Recording> parse(String value) {
            String[] parts = value.split(" ");
            return (parts.length == 2) ? Optional.of(new Recording(parts[0], parts[1])) : Optional.empty();
        }

    }

}
