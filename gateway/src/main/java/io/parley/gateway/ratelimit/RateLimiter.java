package io.parley.gateway.ratelimit;

import java.time.Clock;
import java.util.List;

import io.parley.gateway.GatewayProperties;
import io.parley.support.redis.LuaScript;
import io.parley.support.redis.RedisScripts;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client key in Redis, updated by one Lua script so concurrent
 * requests on any number of gateway instances share one budget.
 */
@Component
public class RateLimiter {

    private static final LuaScript SCRIPT = LuaScript.list("token-bucket-v1.lua");

    private final RedisScripts scripts;

    private final GatewayProperties.RateLimit limit;

    private final Clock clock;

    public RateLimiter(RedisScripts scripts, GatewayProperties properties, Clock clock) {
        this.scripts = scripts;
        this.limit = properties.rateLimit();
        this.clock = clock;
    }

    public Mono<Decision> tryAcquire(String clientKey) {
        List<String> keys = List.of("ratelimit:{" + clientKey + "}");
        return scripts
            .list(SCRIPT, keys, String.valueOf(limit.replenishPerSecond()), String.valueOf(limit.burstCapacity()),
                    String.valueOf(clock.millis()), "1")
            .map(Decision::fromScript);
    }

    /** What the script decided; {@code retryAfterMillis} is 0 when allowed. */
    public record Decision(boolean allowed, long remaining, long retryAfterMillis) {

        static Decision fromScript(List<Object> reply) {
            return new Decision(Long.valueOf(1L).equals(reply.get(0)), (Long) reply.get(1), (Long) reply.get(2));
        }

        /** Whole seconds for the Retry-After header, never 0 for a rejection. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }

}
