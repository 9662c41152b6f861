package io.parley.support.problem;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Building problem details with the reason phrase as title, and the one "unavailable,
 * retry later" of all services.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /**
     * 503 with {@code Retry-After}: a dependency could not answer, the request itself was
     * fine.
     * @param detail what could not be done, for the client (never the cause's message)
     * @param retryAfter how long the client should wait before sending it again (whole
     * seconds, at least 1)
     * @param cause what failed, for the log; may be null
     */
    public static UnavailableException unavailable(String detail, Duration retryAfter, Throwable cause) {
        if (retryAfter == null || retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must be zero or positive, was " + retryAfter);
        }
        return new UnavailableException(detail, retryAfter, cause);
    }

}
