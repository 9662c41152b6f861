package io.parley.signaling.fanout;

/**
 * What travels on a meeting's Redis channel: a message for one participant ({@code to}),
 * or for everyone but one ({@code except}), or for all; {@code closeCode} makes the
 * receiving instance close those sockets after delivering it.
 * <p>
 * On the wire: three header lines ({@code to}, {@code except}, {@code closeCode}; empty
 * when absent), then the message as it goes to the sockets. Not JSON: every instance of
 * the meeting reads every envelope, most only to find that its target is elsewhere, and
 * the header answers that without parsing or unescaping the message.
 */
public record Envelope(String to, String except, String message, Integer closeCode) {

    public static Envelope to(String participantId, String message) {
        return new Envelope(participantId, null, message, null);
    }

    public static Envelope everyone(String message) {
        return new Envelope(null, null, message, null);
    }

    public static Envelope everyoneExcept(String participantId, String message) {
        return new Envelope(null, participantId, message, null);
    }

    public Envelope thenClose(int code) {
        return new Envelope(to, except, message, code);
    }

    public String encode() {
        return orEmpty(to) + '\n' + orEmpty(except) + '\n' + (closeCode == null ? "" : closeCode) + '\n' + message;
    }

    /**
     * The header's {@code to} field alone, or null for a message to several participants.
     */
    public static String recipientOf(String encoded) {
        int end = encoded.indexOf('\n');
        if (end < 0) {
            throw new IllegalArgumentException("not an envelope");
        }
        return end == 0 ? null : encoded.substring(0, end);
    }

    public static Envelope decode(String encoded) {
        int first = encoded.indexOf('\n');
        int second = first < 0 ? -1 : encoded.indexOf('\n', first + 1);
        int third = second < 0 ? -1 : encoded.indexOf('\n', second + 1);
        if (third < 0) {
            throw new IllegalArgumentException("not an envelope");
        }
        String code = encoded.substring(second + 1, third);
        return new Envelope(emptyToNull(encoded.substring(0, first)), emptyToNull(encoded.substring(first + 1, second)),
                encoded.substring(third + 1), code.isEmpty() ? null : Integer.valueOf(code));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
