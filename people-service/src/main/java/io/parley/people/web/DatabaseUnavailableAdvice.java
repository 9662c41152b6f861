package io.parley.people.web;

import java.time.Duration;

import io.parley.support.problem.Problems;
import io.parley.support.problem.UnavailableException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * PostgreSQL or Redis out of reach is not the client's fault and not a bug: 503 with
 * Retry-After, so clients and the gateway retry later; the cause goes to the log, never
 * into the answer.
 */
@RestControllerAdvice
class DatabaseUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class, R2dbcTransientResourceException.class,
            R2dbcNonTransientResourceException.class, RedisConnectionFailureException.class })
    UnavailableException unavailable(Exception error) {
        log.warn("A dependency is unavailable: {}", error.toString());
        return Problems.unavailable("A storage service is unavailable; try again shortly.", Duration.ofSeconds(2),
                error);
    }

}
