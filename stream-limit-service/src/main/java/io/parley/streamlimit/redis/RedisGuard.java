package io.parley.streamlimit.redis;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.parley.streamlimit.StreamMetrics;
import io.parley.support.problem.Problems;
import io.parley.support.problem.UnavailableException;
import io.parley.support.web.RequestEventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every Redis call of the lease path goes through here: a circuit breaker, so a dead
 * Redis costs callers nothing once it is known to be dead, and one error for all its
 * failures: {@link Problems#unavailable}, a 503 with {@code Retry-After: 5}. Nothing else
 * in this service raises an {@link UnavailableException}, so catching one means "Redis is
 * down" (the failure policy and the consumers' back-off rely on it).
 */
public class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

    /**
     * Long enough for the open circuit's wait (5 s by default) to pass before the
     * client's retry.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final CircuitBreaker circuitBreaker;

    private final StreamMetrics metrics;

    public RedisGuard(CircuitBreaker circuitBreaker, StreamMetrics metrics) {
        this.circuitBreaker = circuitBreaker;
        this.metrics = metrics;
    }

    public <T> Mono<T> call(Mono<T> redisCall) {
        return RequestEventLoop.resumeOnRequestLoop(
                redisCall.transformDeferred(CircuitBreakerOperator.of(circuitBreaker)).onErrorMap(this::unavailable));
    }

    /**
     * For Redis calls outside the lease path (token revocations) that should fail the
     * same way but not trip it.
     */
    public <T> Mono<T> mapErrors(Mono<T> redisCall) {
        return redisCall.onErrorMap(error -> isRedisFailure(error), this::unavailable);
    }

    private Throwable unavailable(Throwable error) {
        if (error instanceof UnavailableException) {
            return error;
        }
        metrics.redisError();
        if (!(error instanceof CallNotPermittedException)) {
            log.warn("Redis call failed ({} circuit): {}", circuitBreaker.getState(), error.toString());
        }
        return Problems.unavailable("Stream leases cannot be checked right now; try again shortly.", RETRY_AFTER,
                error);
    }

    /**
     * A connection to Redis reset in the middle of a command fails with Netty's plain
     * IOException, which neither Spring Data nor Lettuce translates (the fault-injection
     * suite saw it as a 500 on DELETE /api/streams/{id}).
     */
    private static boolean isRedisFailure(Throwable error) {
        return error instanceof org.springframework.dao.DataAccessException
                || error instanceof io.lettuce.core.RedisException || error instanceof java.io.IOException;
    }

}
