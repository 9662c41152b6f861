package io.parley.recording.web;

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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * PostgreSQL out of reach is not the client's fault and not a bug: 503 with Retry-After;
 * the cause goes to the log, never into the answer.
 */
@RestControllerAdvice
class DatabaseUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableAdvice.class);

    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
            QueryTimeoutException.class, R2dbcTransientResourceException.class,
            R2dbcNonTransientResourceException.class })
    UnavailableException unavailable(Exception error) {
        log.warn("The recordings catalogue is unavailable: {}", error.toString());
        return Problems.unavailable("Recordings cannot be read right now.", Duration.ofSeconds(5), error);
    }

}
