package io.parley.signaling.sfu;

/**
 * Janus answered with an error: of the Janus API itself (403: wrong {@code apisecret},
 * 458: no such session) or of the VideoRoom plugin (426: no such room, 433: wrong room
 * secret).
 */
public class JanusException extends RuntimeException {

    static final int UNAUTHORIZED = 403;

    static final int NO_SUCH_SESSION = 458;

    static final int NO_SUCH_HANDLE = 459;

    /** VideoRoom's code for a room it does not have. */
    static final int NO_SUCH_ROOM = 426;

    private final int code;

    JanusException(String instance, int code, String reason) {
        super("Janus " + instance + " refused the request: " + code + " " + reason);
        this.code = code;
    }

    public int code() {
        return code;
    }

    boolean lostSession() {
        return code == NO_SUCH_SESSION || code == NO_SUCH_HANDLE;
    }

}
