package io.parley.quality;

import io.parley.support.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Kafka or Redis could not do their part in time: 503 with {@code Retry-After}, so the caller knows the request
 * was fine and may be sent again. The cause stays in the log, never in the response.
 */
public class DependencyUnavailableException extends ErrorResponseException {

    public DependencyUnavailableException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, detail), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "2");
    }
}
