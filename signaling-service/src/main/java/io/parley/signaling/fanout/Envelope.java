package io.parley.signaling.fanout;

/**
 * What travels on a meeting's Redis channel: a message for one participant ({@code to}), or for everyone but
 * one ({@code except}), or for all; {@code closeCode} makes the receiving instance close those sockets after
 * delivering it.
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
}
