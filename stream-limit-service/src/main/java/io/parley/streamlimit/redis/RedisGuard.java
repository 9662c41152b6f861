package io.parley.streamlimit.redis;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.parley.streamlimit.StreamMetrics;
import io.parley.support.web.RequestEventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Every Redis call of the lease path goes through here: a circuit breaker, so a dead Redis costs callers nothing
 * once it is known to be dead, and one error type ({@link RedisUnavailableException}, 503) for all its failures.
 */
public class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);

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

    /** For Redis calls outside the lease path (token revocations) that should fail the same way but not trip it. */
    public <T> Mono<T> mapErrors(Mono<T> redisCall) {
        return redisCall.onErrorMap(error -> isRedisFailure(error), this::unavailable);
    }

    private Throwable unavailable(Throwable error) {
        if (error instanceof RedisUnavailableException) {
            return error;
        }
        metrics.redisError();
        if (!(error instanceof CallNotPermittedException)) {
            log.warn("Redis call failed ({} circuit): {}", circuitBreaker.getState(), error.toString());
        }
        return new RedisUnavailableException(error);
    }

    private static boolean isRedisFailure(Throwable error) {
        return error instanceof org.springframework.dao.DataAccessException
                || error instanceof io.lettuce.core.RedisException;
    }
}
