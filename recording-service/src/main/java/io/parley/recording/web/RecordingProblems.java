package io.parley.recording.web;

import io.parley.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The 4xx answers of the API, as problem details. */
final class RecordingProblems {

    private RecordingProblems() {
    }

    static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, detail), null);
    }

    static ErrorResponseException forbidden() {
        return new ErrorResponseException(HttpStatus.FORBIDDEN,
                Problems.of(HttpStatus.FORBIDDEN,
                        "Only the host and the organization's owners and admins may read or delete this recording."),
                null);
    }

    static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, detail), null);
    }

    static ErrorResponseException notReady(String state) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "The recording has no file yet: it is " + state + ".");
        problem.setProperty("reason", "not-ready");
        problem.setProperty("state", state);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

}
