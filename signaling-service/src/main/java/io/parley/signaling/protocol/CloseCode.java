package io.parley.signaling.protocol;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * Why the server closes a signaling socket (PLATFORM.md §4.3, plus the standard codes it
 * relies on). "Try again later" is 4503 rather than RFC 6455's 1013: Spring Cloud Gateway
 * passes on only the codes RFC 6455 defined first (1000-1003, 1007-1011) and the private
 * range, and turns 1013 into 1002 (protocol error), which the client could not tell
 * apart.
 */
public enum CloseCode {

    GOING_AWAY(4000, "instance draining, reconnect"), BAD_TOKEN(4401, "invalid or expired token"),
    FORBIDDEN(4403, "removed from the meeting"), NO_SUCH_MEETING(4404, "no such meeting"),
    STREAM_LIMIT(4409, "stream limit reached"), MEETING_ENDED(4410, "meeting ended"),
    MESSAGE_TOO_BIG(1009, "message too big"), UNSUPPORTED_DATA(1003, "text frames only"),
    SLOW_CONSUMER(1008, "outbound buffer full"), TRY_AGAIN_LATER(4503, "try again later"),
    REPLACED(4001, "replaced by a newer connection"), TOO_MANY_DEVICES(4429, "too many devices connected");

    private final int code;

    private final String reason;

    CloseCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public CloseStatus status() {
        return new CloseStatus(code, reason);
    }

}
