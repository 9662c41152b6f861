package io.parley.signaling.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.parley.signaling.protocol.ServerMessages;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import io.parley.support.redis.ScriptSources;
import io.lettuce.core.ScriptOutputType;
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

    private static final LuaScript BEAT = withKeepHand("presence-beat-v2.lua", ScriptOutputType.MULTI);

    private static final LuaScript PUT = withKeepHand("presence-put-v1.lua", ScriptOutputType.VALUE);

    private static final LuaScript HAND = LuaScript.text("hand-v1.lua");

    private static final LuaScript REMOVE = LuaScript.text("presence-remove-v1.lua");

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

    private static LuaScript withKeepHand(String fileName, ScriptOutputType output) {
        return LuaScript.assembled(fileName, ScriptSources.read("keep-hand-v1.lua") + ScriptSources.read(fileName),
                output);
    }

    public Mono<Void> put(String meetingId, PresenceEntry entry) {
        return store(meetingId, entry).then();
    }

    /**
     * Writes the entry as a socket sees it, keeping the hand Redis holds; answers the
     * entry as stored.
     */
    public Mono<PresenceEntry> store(String meetingId, PresenceEntry entry) {
        return scripts
            .text(PUT, List.of(key(meetingId)), entry.participantId(), json.toJson(entry),
                    String.valueOf(KEY_TTL.toSeconds()))
            .map(stored -> json.fromJson(stored, PresenceEntry.class));
    }

    /**
     * Raises the participant's hand at {@code nowMillis} (kept if it is already up), or
     * lowers it when {@code nowMillis} is null; answers the entry as stored, empty when
     * the participant is not in the meeting.
     */
    public Mono<PresenceEntry> hand(String meetingId, String participantId, Long nowMillis) {
        return scripts
            .text(HAND, List.of(key(meetingId)), participantId, nowMillis == null ? "" : String.valueOf(nowMillis))
            .map(stored -> json.fromJson(stored, PresenceEntry.class));
    }

    /**
     * True when this call removed the entry, so exactly one remover announces the
     * departure. Only an entry {@code instance} wrote is removed: one a newer socket of
     * the participant wrote on another instance stays.
     */
    public Mono<Boolean> remove(String meetingId, String participantId, String instance) {
        return scripts.text(REMOVE, List.of(key(meetingId)), participantId, instance).map("1"::equals);
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
