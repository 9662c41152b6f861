package io.parley.support.problem;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A dependency (Redis, Kafka, PostgreSQL, the signing keys) could not do its part in
 * time: 503 with {@code Retry-After}, so the caller knows the request was fine and may be
 * sent again. The cause is kept for the log, never rendered. Made by
 * {@link Problems#unavailable}; rendered like every other {@link ErrorResponseException},
 * by Spring's problem-details handling inside controllers and by
 * {@link ProblemDetailsErrorHandler} outside them.
 */
public class UnavailableException extends ErrorResponseException {

    private final Duration retryAfter;

    UnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, detail), cause);
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wholeSeconds(retryAfter)));
    }

    /**
     * Retry-After counts whole seconds: a wait is rounded up, and 0 would invite an
     * immediate retry storm.
     */
    private static long wholeSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

}
