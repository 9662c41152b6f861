package io.parley.signaling.session;

import io.parley.signaling.protocol.CloseCode;
import io.parley.tokens.JoinToken;

/**
 * One participant's socket on this instance: who it is, what it may still send, its mute
 * state, and its {@link Outbound} frames.
 */
public final class Connection {

    private final JoinToken token;

    private final String rawToken;

    private final Outbound outbound;

    private final TokenBucket messages;

    private final TokenBucket chat;

    private volatile boolean audio = true;

    private volatile boolean video = true;

    private volatile String screen;

    public Connection(JoinToken token, String rawToken, Outbound outbound, TokenBucket messages, TokenBucket chat) {
        this.token = token;
        this.rawToken = rawToken;
        this.outbound = outbound;
        this.messages = messages;
        this.chat = chat;
    }

    public JoinToken token() {
        return token;
    }

    /**
     * The join token as the client sent it: calls made for this participant (its stream
     * leases) carry it, so other services count its subject.
     */
    public String rawToken() {
        return rawToken;
    }

    public String meetingId() {
        return token.meetingId();
    }

    public String participantId() {
        return token.participantId();
    }

    /**
     * Queues a text frame; false when the socket is closed or the client is too slow
     * (then it is closed).
     */
    public boolean send(String json) {
        return outbound.send(json);
    }

    /** Sends a last message, then closes with the given code. */
    public void sendAndClose(String json, CloseCode code) {
        outbound.sendAndClose(json, code);
    }

    public void close(CloseCode code) {
        outbound.close(code);
    }

    public Outbound outbound() {
        return outbound;
    }

    public CloseCode closeCode() {
        return outbound.closeCode();
    }

    public boolean allowMessage(long nowNanos) {
        return messages.tryTake(nowNanos);
    }

    public boolean allowChat(long nowNanos) {
        return chat.tryTake(nowNanos);
    }

    public boolean audio() {
        return audio;
    }

    public boolean video() {
        return video;
    }

    /** The MediaStream id of the screen this participant shares, or null. */
    public String screen() {
        return screen;
    }

    public void media(boolean audio, boolean video, String screen) {
        this.audio = audio;
        this.video = video;
        this.screen = screen;
    }

}
