package io.parley.gateway.ratelimit;

import java.time.Clock;
import java.util.List;

import io.parley.gateway.GatewayProperties;
import io.parley.support.redis.ScriptSources;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A token bucket per client key in Redis, updated by one Lua script so concurrent requests on any number of gateway
 * instances share one budget.
 */
@Component
public class RateLimiter {

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript
        .of(ScriptSources.read("token-bucket-v1.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final GatewayProperties.RateLimit limit;
    private final Clock clock;

    public RateLimiter(ReactiveStringRedisTemplate redis, GatewayProperties properties, Clock clock) {
        this.redis = redis;
        this.limit = properties.rateLimit();
        this.clock = clock;
    }

    public Mono<Decision> tryAcquire(String clientKey) {
        List<String> keys = List.of("ratelimit:{" + clientKey + "}");
        return redis
            .execute(SCRIPT, keys, List.of(String.valueOf(limit.replenishPerSecond()),
                    String.valueOf(limit.burstCapacity()), String.valueOf(clock.millis()), "1"))
            .next()
            .map(Decision::fromScript);
    }

    /** What the script decided; {@code retryAfterMillis} is 0 when allowed. */
    public record Decision(boolean allowed, long remaining, long retryAfterMillis) {

        static Decision fromScript(List<Long> reply) {
            return new Decision(reply.get(0) == 1L, reply.get(1), reply.get(2));
        }

        /** Whole seconds for the Retry-After header, never 0 for a rejection. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }
}
