package io.parley.streamlimit.redis;

import io.parley.support.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 503: the leases cannot be read or changed right now; the client may retry after a few seconds. */
public class RedisUnavailableException extends ErrorResponseException {

    public RedisUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "Stream leases cannot be checked right now; try again shortly."), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }
}
