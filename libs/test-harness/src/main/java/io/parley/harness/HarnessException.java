package io.parley.harness;

/**
 * A local server could not be started or reached; the message says what to do about it.
 */
public class HarnessException extends RuntimeException {

    public HarnessException(String message) {
        super(message);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }

}
