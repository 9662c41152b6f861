package io.parley.signaling.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.parley.signaling.protocol.ServerMessages;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who is connected to a meeting, on any instance: one Redis hash per meeting, field =
 * participant id. Entries of an instance that stopped heart-beating are removed by
 * whichever instance notices first ({@link PresenceHeartbeat}).
 */
@Component
public class PresenceStore {

    private static final Duration KEY_TTL = Duration.ofHours(12);

    private static final LuaScript BEAT = LuaScript.list("presence-beat-v1.lua");

    private final ReactiveStringRedisTemplate redis;

    private final RedisScripts scripts;

    private final ServerMessages json;

    public PresenceStore(ReactiveStringRedisTemplate redis, RedisScripts scripts, ServerMessages json) {
        this.redis = redis;
        this.scripts = scripts;
        this.json = json;
    }

    public static String key(String meetingId) {
        return "presence:{meeting:" + meetingId + "}";
    }

    public Mono<Void> put(String meetingId, PresenceEntry entry) {
        String key = key(meetingId);
        return redis.opsForHash()
            .put(key, entry.participantId(), json.toJson(entry))
            .then(redis.expire(key, KEY_TTL))
            .then();
    }

    /**
     * True when this call removed the entry, so exactly one remover announces the
     * departure.
     */
    public Mono<Boolean> remove(String meetingId, String participantId) {
        return redis.opsForHash().remove(key(meetingId), participantId).map(removed -> removed > 0);
    }

    /**
     * One heartbeat of this instance for a meeting: refreshes the entries it holds
     * ({@code own}) and removes those of other instances last seen longer than
     * {@code timeout} before {@code now}; answers the removed ones.
     */
    public Mono<List<PresenceEntry>> beat(String meetingId, List<PresenceEntry> own, long now, Duration timeout,
            String instanceId) {
        List<String> args = new ArrayList<>(4 + 2 * own.size());
        args.addAll(List.of(String.valueOf(now), String.valueOf(timeout.toMillis()), instanceId,
                String.valueOf(KEY_TTL.toSeconds())));
        for (PresenceEntry entry : own) {
            args.add(entry.participantId());
            args.add(json.toJson(entry));
        }
        return scripts.list(BEAT, List.of(key(meetingId)), args.toArray(String[]::new))
            .map(removed -> removed.stream().map(entry -> json.fromJson((String) entry, PresenceEntry.class)).toList());
    }

    public Mono<List<PresenceEntry>> list(String meetingId) {
        return redis.<String, String>opsForHash()
            .values(key(meetingId))
            .map(value -> json.fromJson(value, PresenceEntry.class))
            .collectList();
    }

}
