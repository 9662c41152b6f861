package io.parley.tokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 401 with a bearer challenge; the detail says why without echoing the token. */
public class InvalidTokenException extends ErrorResponseException {

    public InvalidTokenException(String reason) {
        this(reason, null);
    }

    public InvalidTokenException(String reason, Throwable cause) {
        super(HttpStatus.UNAUTHORIZED, problem(reason), cause);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
    }

    private static ProblemDetail problem(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, reason);
        problem.setTitle(HttpStatus.UNAUTHORIZED.getReasonPhrase());
        return problem;
    }

    public String reason() {
        return getBody().getDetail();
    }

}
