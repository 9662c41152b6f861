package io.parley.devstack;

/**
 * Something the developer has to act on; the message says what and how, and is printed
 * without a stack trace.
 */
public class DevstackException extends RuntimeException {

    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }

}
