package io.parley.streamlimit.org;

import java.time.Duration;
import java.util.List;

import io.parley.streamlimit.org.OrgLimitChange.RemoveOrg;
import io.parley.streamlimit.org.OrgLimitChange.SetLimit;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Mono;

/**
 * The organization limits in Redis ({@link OrgLimits#key}): applies changes with
 * org-limits-v1.lua, once per event id, and reads them for the answers that report a
 * user's limit. Knows nothing of events, metrics or failure handling.
 */
public class OrgLimitsStore {

    private static final LuaScript APPLY = LuaScript.text("org-limits-v1.lua");

    /**
     * How long an applied event id is remembered: redeliveries (a consumer that died
     * before committing, a relay that died before deleting its outbox rows) come within
     * minutes.
     */
    static final Duration REMEMBER_EVENTS_FOR = Duration.ofDays(7);

    /**
     * The most event ids remembered per user; a person gets a handful of limit changes a
     * week.
     */
    static final int REMEMBER_EVENTS = 100;

    private final ReactiveStringRedisTemplate redis;

    private final RedisScripts scripts;

    public OrgLimitsStore(ReactiveStringRedisTemplate redis, RedisScripts scripts) {
        this.redis = redis;
        this.scripts = scripts;
    }

    /**
     * True when the change was applied, false when an event with that id was applied
     * before.
     */
    public Mono<Boolean> apply(String eventId, OrgLimitChange change) {
        String orgId = "";
        String limit = "";
        if (change instanceof SetLimit set) {
            orgId = set.orgId();
            limit = String.valueOf(set.limit());
        }
        else if (change instanceof RemoveOrg remove) {
            orgId = remove.orgId();
        }
        return scripts
            .text(APPLY, List.of(OrgLimits.key(change.accountId()), OrgLimits.appliedEventsKey(change.accountId())),
                    eventId, change.operation(), orgId, limit, String.valueOf(REMEMBER_EVENTS_FOR.toMillis()),
                    String.valueOf(REMEMBER_EVENTS))
            .map(outcome -> {
                if (!outcome.equals("applied") && !outcome.equals("duplicate")) {
                    throw new IllegalStateException("org-limits-v1.lua answered " + outcome);
                }
                return outcome.equals("applied");
            });
    }

    /**
     * The limits stored for the user, as text (field values of {@link OrgLimits#key}).
     */
    public Mono<List<String>> stored(String userId) {
        return redis.<String, String>opsForHash().values(OrgLimits.key(userId)).collectList();
    }

    /** The user's effective limit ({@link OrgLimits#effective}). */
    public Mono<Integer> effectiveLimit(String userId, int base) {
        return stored(userId).map(values -> OrgLimits.effective(values, base));
    }

}
