package io.parley.support.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Building problem details with the reason phrase as title. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
