package io.parley.meeting.creation;

import java.time.Duration;
import java.util.List;

import io.lettuce.core.ScriptOutputType;
import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.MeetingProperties;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts new meetings against their creator's cap
 * ({@code parley.meetings.creation-limits}), in Redis so every instance shares the count:
 * {@code meeting-creations:<scope>:<address or account>}, one counter per creator whose
 * window opens with the first meeting counted and expires with it. Check and count are
 * one script, so concurrent creates never pass the cap; a refused create is not counted.
 */
@Component
class CreationQuota {

    private static final LuaScript CHARGE = LuaScript.list("creation-charge.lua");

    /**
     * DECR keeps the counter's expiry; a counter that expired meanwhile is not brought
     * back.
     */
    private static final LuaScript REFUND = LuaScript.assembled("creation-refund",
            "if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then return redis.call('DECR', KEYS[1]) end "
                    + "return 0",
            ScriptOutputType.INTEGER);

    private final RedisScripts scripts;

    private final MeetingProperties.CreationLimits limits;

    private final MeetingMetrics metrics;

    CreationQuota(RedisScripts scripts, MeetingProperties properties, MeetingMetrics metrics) {
        this.scripts = scripts;
        this.limits = properties.creationLimits();
        this.metrics = metrics;
    }

    /** Counts one meeting; 429 when the creator's window is full. */
    Mono<Void> charge(Creator creator) {
        if (creator.scope() == Creator.Scope.UNCAPPED) {
            return Mono.empty();
        }
        int limit = limit(creator.scope());
        return scripts
            .list(CHARGE, List.of(key(creator)), String.valueOf(limit), String.valueOf(limits.window().toMillis()))
            .flatMap(reply -> {
                if (((Number) reply.get(0)).longValue() == 1) {
                    return Mono.empty();
                }
                metrics.creationLimited(creator.scope().value());
                Duration retryAfter = Duration.ofMillis(((Number) reply.get(1)).longValue());
                return Mono.error(CapReached.problem(creator.scope(), limit, limits.window(), retryAfter));
            });
    }

    /**
     * Gives back what {@link #charge} counted for a meeting that was discarded
     * unannounced.
     */
    Mono<Void> refund(Creator creator) {
        if (creator.scope() == Creator.Scope.UNCAPPED) {
            return Mono.empty();
        }
        return scripts.integer(REFUND, List.of(key(creator))).then();
    }

    private int limit(Creator.Scope scope) {
        return scope == Creator.Scope.ACCOUNT ? limits.perAccount() : limits.perAddress();
    }

    private static String key(Creator creator) {
        return "meeting-creations:" + creator.scope().value() + ":" + creator.id();
    }

}
