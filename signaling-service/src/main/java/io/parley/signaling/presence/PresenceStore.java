package io.parley.signaling.presence;

import java.time.Duration;
import java.util.List;

import io.parley.signaling.protocol.ServerMessages;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who is connected to a meeting, on any instance: one Redis hash per meeting, field = participant id. Entries of an
 * instance that stopped heart-beating are removed by whichever instance notices first ({@link PresenceReaper}).
 */
@Component
public class PresenceStore {

    private static final Duration KEY_TTL = Duration.ofHours(12);

    private final ReactiveStringRedisTemplate redis;
    private final ServerMessages json;

    public PresenceStore(ReactiveStringRedisTemplate redis, ServerMessages json) {
        this.redis = redis;
        this.json = json;
    }

    public static String key(String meetingId) {
        return "presence:{meeting:" + meetingId + "}";
    }

    public Mono<Void> put(String meetingId, PresenceEntry entry) {
        String key = key(meetingId);
        return redis.opsForHash().put(key, entry.participantId(), json.toJson(entry))
            .then(redis.expire(key, KEY_TTL))
            .then();
    }

    /** True when this call removed the entry, so exactly one remover announces the departure. */
    public Mono<Boolean> remove(String meetingId, String participantId) {
        return redis.opsForHash().remove(key(meetingId), participantId).map(removed -> removed > 0);
    }

    public Mono<List<PresenceEntry>> list(String meetingId) {
        return redis.<String, String>opsForHash()
            .values(key(meetingId))
            .map(value -> json.fromJson(value, PresenceEntry.class))
            .collectList();
    }
}
