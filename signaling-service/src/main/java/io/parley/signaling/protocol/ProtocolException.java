package io.parley.signaling.protocol;

/**
 * A client message the server will not act on; answered with an {@code error} message.
 */
public class ProtocolException extends RuntimeException {

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

}
