package io.parley.signaling.sfu;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A Janus instance did not answer: refused connection, reset, or no answer in time. A
 * 503, since the caller may try again or another instance.
 */
public class JanusUnavailableException extends ResponseStatusException {

    private final String instance;

    JanusUnavailableException(String instance, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Janus " + instance + " is unavailable: " + cause.getMessage(), cause);
        this.instance = instance;
    }

    public String instance() {
        return instance;
    }

}
