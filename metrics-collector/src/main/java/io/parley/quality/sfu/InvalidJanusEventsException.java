package io.parley.quality.sfu;

import io.parley.support.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A post that is not a Janus event or an array of them: 400. */
public class InvalidJanusEventsException extends ErrorResponseException {

    public InvalidJanusEventsException(String detail) {
        super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, detail), null);
    }

}
