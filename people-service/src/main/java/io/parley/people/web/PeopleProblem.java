package io.parley.people.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parley.support.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The 4xx (and 503) answers of people-service as RFC 9457 problems. Refusals carry a
 * machine-readable {@code reason} where a client may act on it (e.g. {@code last-owner},
 * {@code email-taken}).
 */
public final class PeopleProblem extends ErrorResponseException {

    private PeopleProblem(HttpStatus status, String detail, Map<String, Object> properties, Throwable cause) {
        super(status, problem(status, detail, properties), cause);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, Map<String, Object> properties) {
        ProblemDetail problem = Problems.of(status, detail);
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** One field that failed validation. */
    public record FieldError(String field, String message) {
    }

    public static PeopleProblem invalid(List<FieldError> errors) {
        String detail = String.join(" ", errors.stream().map(FieldError::message).toList());
        return new PeopleProblem(HttpStatus.BAD_REQUEST, detail, Map.of("errors", errors), null);
    }

    public static PeopleProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static PeopleProblem conflict(String reason, String detail) {
        return new PeopleProblem(HttpStatus.CONFLICT, detail, Map.of("reason", reason), null);
    }

    public static PeopleProblem forbidden(String reason, String detail) {
        return new PeopleProblem(HttpStatus.FORBIDDEN, detail, Map.of("reason", reason), null);
    }

    public static PeopleProblem notFound(String detail) {
        return new PeopleProblem(HttpStatus.NOT_FOUND, detail, Map.of(), null);
    }

    public static PeopleProblem gone(String detail) {
        return new PeopleProblem(HttpStatus.GONE, detail, Map.of(), null);
    }

    /**
     * 401 with a bearer challenge; the detail never says which of email or password was
     * wrong.
     */
    public static PeopleProblem unauthorized(String detail) {
        PeopleProblem problem = new PeopleProblem(HttpStatus.UNAUTHORIZED, detail, Map.of(), null);
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problem;
    }

    public static PeopleProblem tooManyAttempts(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        PeopleProblem problem = new PeopleProblem(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-ins; try again in " + seconds + " s.", Map.of("retryAfterSeconds", seconds),
                null);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

    /**
     * 429 for anything but sign-in (which says why in its own words): too many of these
     * too fast.
     */
    public static PeopleProblem tooMany(String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        PeopleProblem problem = new PeopleProblem(HttpStatus.TOO_MANY_REQUESTS, detail,
                Map.of("retryAfterSeconds", seconds), null);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

}
