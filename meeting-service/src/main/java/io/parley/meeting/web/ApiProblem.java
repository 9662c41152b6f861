package io.parley.meeting.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.parley.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The 4xx (and 503) answers of this service as RFC 9457 problems. Conflicts and refusals
 * carry a machine-readable {@code reason}, so a client can tell a full meeting from a
 * locked one without parsing the text.
 */
public final class ApiProblem extends ErrorResponseException {

    private ApiProblem(HttpStatus status, String detail, Map<String, Object> properties, Throwable cause) {
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

    public static ApiProblem invalid(List<FieldError> errors) {
        String detail = String.join(" ", errors.stream().map(FieldError::message).toList());
        return new ApiProblem(HttpStatus.BAD_REQUEST, detail, Map.of("errors", errors), null);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem meetingNotFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "No such meeting (it may have expired).", Map.of(), null);
    }

    public static ApiProblem participantNotFound() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "No such participant in this meeting.", Map.of(), null);
    }

    /** 409 with {@code reason}: {@code full}, {@code locked} or {@code ended}. */
    public static ApiProblem conflict(String reason, String detail) {
        return conflict(reason, detail, Map.of());
    }

    /**
     * 409 with {@code reason} and further members, such as the limit a full meeting
     * reached.
     */
    public static ApiProblem conflict(String reason, String detail, Map<String, Object> properties) {
        Map<String, Object> members = new LinkedHashMap<>(properties);
        members.put("reason", reason);
        return new ApiProblem(HttpStatus.CONFLICT, detail, members, null);
    }

    /** 403 with {@code reason}: {@code not-host} or {@code other-meeting}. */
    public static ApiProblem forbidden(String reason, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, detail, Map.of("reason", reason), null);
    }

    /**
     * 401 with {@code reason: sign-in-required}: the meeting admits signed-in people
     * only.
     */
    public static ApiProblem signInRequired(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, detail, Map.of("reason", "sign-in-required"), null);
    }

    public static ApiProblem apiKeyRequired(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, detail, Map.of(), null);
    }

    /**
     * 429 with {@code Retry-After} (whole seconds, at least 1) and {@code reason}, e.g.
     * {@code creation-limit}.
     * @param properties further members of the problem, such as the limit that was
     * reached
     */
    public static ApiProblem tooManyRequests(String reason, String detail, long retryAfterSeconds,
            Map<String, Object> properties) {
        Map<String, Object> members = new LinkedHashMap<>(properties);
        members.put("reason", reason);
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, detail, members, null);
        problem.getHeaders().set("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds)));
        return problem;
    }

}
