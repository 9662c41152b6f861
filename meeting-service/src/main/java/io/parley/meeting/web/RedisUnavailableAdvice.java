package io.parley.meeting.web;

import java.io.IOException;
import java.time.Duration;

import io.lettuce.core.RedisException;
import io.parley.support.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Mono;

/**
 * Redis is where every meeting lives: without it this service cannot answer, which is a
 * 503 (try again), not a 500 (a bug). The problem itself is rendered by the shared
 * problem-details handler.
 */
@RestControllerAdvice
class RedisUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(RedisUnavailableAdvice.class);

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * Spring Data Redis's commands fail with DataAccessException, the Lua scripts (run by
     * Lettuce) RedisException; a connection to Redis reset in the middle of a command
     * surfaces as Netty's plain IOException, which neither translates (the
     * fault-injection suite saw it as a 500 when Redis was killed). No handler of this
     * service does other I/O that could fail with one while the client still listens.
     */
    @ExceptionHandler({ DataAccessException.class, RedisException.class, IOException.class })
    Mono<Void> redisUnavailable(Exception error) {
        log.warn("Redis unavailable: {}", error.getMessage());
        return Mono
            .error(Problems.unavailable("Meeting state is unavailable right now; try again.", RETRY_AFTER, error));
    }

}
