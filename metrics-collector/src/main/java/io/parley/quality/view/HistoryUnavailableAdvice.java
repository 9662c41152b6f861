package io.parley.quality.view;

import io.parley.quality.QualityProperties;
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
 * PostgreSQL out of reach while a view is read is not the client's fault and not a bug:
 * 503 with Retry-After; the cause goes to the log, never into the answer. (Beacons never
 * touch PostgreSQL, so they are not affected.)
 */
@RestControllerAdvice
class HistoryUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(HistoryUnavailableAdvice.class);

    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
            QueryTimeoutException.class, R2dbcTransientResourceException.class,
            R2dbcNonTransientResourceException.class })
    UnavailableException unavailable(Exception error) {
        log.warn("The quality history is unavailable: {}", error.toString());
        return Problems.unavailable("Quality data cannot be read right now.", QualityProperties.RETRY_AFTER_UNAVAILABLE,
                error);
    }

}
