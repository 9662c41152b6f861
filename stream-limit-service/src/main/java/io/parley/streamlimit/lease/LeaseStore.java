package io.parley.streamlimit.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import io.parley.streamlimit.StreamLimitProperties.OverLimitPolicy;
import io.parley.streamlimit.org.OrgLimits;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leases in Redis: runs the versioned scripts under {@code scripts/} (through
 * {@link RedisScripts}) and the few plain commands around them. Knows nothing of policy,
 * events or failure handling.
 */
public class LeaseStore {

    private static final LuaScript ACQUIRE = LuaScript.list("acquire-v2.lua");

    private static final LuaScript RENEW = LuaScript.list("renew-v1.lua");

    private static final LuaScript END = LuaScript.list("end-v1.lua");

    private static final LuaScript END_OLDEST = LuaScript.list("end-oldest-v1.lua");

    private static final LuaScript SWEEP = LuaScript.list("sweep-v1.lua");

    private static final LuaScript INDEX_TOUCH = LuaScript.integer("index-touch-v1.lua");

    private static final LuaScript INDEX_DUE = LuaScript.list("index-due-v1.lua");

    private static final LuaScript INDEX_SETTLE = LuaScript.integer("index-settle-v1.lua");

    private final ReactiveStringRedisTemplate redis;

    private final RedisScripts scripts;

    private final JsonMapper json;

    public LeaseStore(ReactiveStringRedisTemplate redis, RedisScripts scripts, JsonMapper json) {
        this.redis = redis;
        this.scripts = scripts;
        this.json = json;
    }

    /**
     * Starts or renews a lease under the user's effective limit: the largest of the
     * user's organization limits ({@link OrgLimits#key}, read inside the script), or
     * {@code baseLimit} when there are none.
     */
    public Mono<Acquisition> acquire(String userId, String streamId, Duration ttl, int baseLimit,
            OverLimitPolicy policy, Duration knownUserRetention) {
        return run(ACQUIRE, List.of(LeaseKeys.leases(userId), LeaseKeys.knownUser(userId), OrgLimits.key(userId)),
                streamId, String.valueOf(ttl.toMillis()), String.valueOf(baseLimit), policy.scriptArgument(),
                String.valueOf(knownUserRetention.toMillis()))
            .map(ScriptReplies::acquisition);
    }

    public Mono<LeaseChange> renew(String userId, String streamId, Duration ttl) {
        return run(RENEW, List.of(LeaseKeys.leases(userId)), streamId, String.valueOf(ttl.toMillis()))
            .map(reply -> ScriptReplies.change(reply, "renewed"));
    }

    public Mono<LeaseChange> end(String userId, String streamId) {
        return run(END, List.of(LeaseKeys.leases(userId)), streamId).map(reply -> ScriptReplies.change(reply, "ended"));
    }

    public Mono<OldestEnd> endOldest(String userId, String streamIdPrefix) {
        return run(END_OLDEST, List.of(LeaseKeys.leases(userId), LeaseKeys.knownUser(userId)), streamIdPrefix)
            .map(ScriptReplies::oldestEnd);
    }

    /** Leases that have not expired by {@code now}, earliest expiry first. */
    public Mono<List<Lease>> active(String userId, Instant now) {
        return redis.opsForZSet()
            .rangeByScoreWithScores(LeaseKeys.leases(userId),
                    Range.rightUnbounded(Range.Bound.exclusive((double) now.toEpochMilli())))
            .map(entry -> new Lease(entry.getValue(), Instant.ofEpochMilli(entry.getScore().longValue())))
            .collectList();
    }

    public Mono<Sweep> sweep(String userId) {
        return run(SWEEP, List.of(LeaseKeys.leases(userId))).map(ScriptReplies::sweep);
    }

    /**
     * Records a change in the sweeper's index: a new lease expiring at
     * {@code newLeaseExpiry} (or null) and the change of the number of active leases.
     */
    public Mono<Void> touchIndex(String userId, Instant newLeaseExpiry, long activeDelta) {
        if (newLeaseExpiry == null && activeDelta == 0) {
            return Mono.empty();
        }
        return scripts
            .integer(INDEX_TOUCH, LeaseKeys.indexForTouch(), userId,
                    newLeaseExpiry == null ? "" : String.valueOf(newLeaseExpiry.toEpochMilli()),
                    String.valueOf(activeDelta))
            .then();
    }

    public Mono<List<DueUser>> dueUsers(Instant now, int max) {
        return run(INDEX_DUE, LeaseKeys.indexForDue(), String.valueOf(now.toEpochMilli()), String.valueOf(max))
            .map(ScriptReplies::dueUsers);
    }

    public Mono<Void> settleIndex(DueUser user, OptionalLong earliestRemaining, int removed) {
        return scripts
            .integer(INDEX_SETTLE, LeaseKeys.indexForSettle(), user.userId(), user.sequence(),
                    earliestRemaining.isPresent() ? String.valueOf(earliestRemaining.getAsLong()) : "",
                    String.valueOf(removed))
            .then();
    }

    /** Leases held by all users, as counted by the index; 0 before the first lease. */
    public Mono<Long> activeLeaseCount() {
        return redis.opsForValue().get(LeaseKeys.INDEX_ACTIVE).map(Long::parseLong).defaultIfEmpty(0L);
    }

    /**
     * Remembers that a lease belongs to a meeting, so the meeting's end can release it.
     */
    public Mono<Void> addToMeeting(String meetingId, String userId, String streamId, Duration keepFor) {
        String key = LeaseKeys.meeting(meetingId);
        String member = json.writeValueAsString(List.of(userId, streamId));
        return redis.opsForSet().add(key, member).then(redis.expire(key, keepFor)).then();
    }

    /** The (user id, stream id) pairs recorded for a meeting. */
    public Flux<List<String>> meetingLeases(String meetingId) {
        return redis.opsForSet()
            .members(LeaseKeys.meeting(meetingId))
            .map(member -> List.of(json.readValue(member, String[].class)));
    }

    public Mono<Void> forgetMeeting(String meetingId) {
        return redis.delete(LeaseKeys.meeting(meetingId)).then();
    }

    private Mono<List<?>> run(LuaScript script, List<String> keys, String... args) {
        return scripts.list(script, keys, args).map(reply -> reply);
    }

}
