package io.parley.quality.view;

import java.util.List;
import java.util.Map;

import io.parley.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A query parameter the views cannot use: 400, naming the parameter in {@code errors:
 * [{field, message}]}.
 */
public class InvalidQueryException extends ErrorResponseException {

    public InvalidQueryException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, problem(field, message), null);
    }

    private static ProblemDetail problem(String field, String message) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

}
