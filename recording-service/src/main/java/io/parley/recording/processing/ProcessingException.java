package io.parley.recording.processing;

/**
 * A recording could not be processed; the reason is short and safe to show to the host
 * (no paths, no tool output).
 */
class ProcessingException extends Exception {

    private final String reason;

    ProcessingException(String reason) {
        this(reason, null);
    }

    ProcessingException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

}
