package io.parley.gateway.auth;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Redis could not be asked whether a join token was revoked: the token may well be fine,
 * so this is a 503 to retry, neither a 401 nor a 500. Letting the token through instead
 * would let a removed participant back in while Redis is down.
 */
class RevocationsUnavailableException extends ErrorResponseException {

    static final String RETRY_AFTER_SECONDS = "2";

    RevocationsUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Tokens cannot be checked right now: the revocation list is unavailable.");
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        problem.setProperty("reason", "revocations-unavailable");
        return problem;
    }

}
