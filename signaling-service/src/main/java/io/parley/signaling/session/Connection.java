package io.parley.signaling.session;

import java.util.concurrent.atomic.AtomicBoolean;

import io.parley.signaling.protocol.CloseCode;
import io.parley.tokens.JoinToken;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One participant's socket on this instance. Outbound messages go through a bounded queue: a client that reads
 * slower than the meeting talks is disconnected (1008) instead of growing the instance's memory without bound; its
 * client reconnects and gets a fresh {@code welcome}.
 */
public final class Connection {

    private final WebSocketSession session;
    private final JoinToken token;
    private final Sinks.Many<String> outbound;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final TokenBucket messages;
    private final TokenBucket chat;
    private volatile boolean audio = true;
    private volatile boolean video = true;
    private volatile CloseCode closeCode;

    Connection(WebSocketSession session, JoinToken token, int outboundBuffer, TokenBucket messages, TokenBucket chat) {
        this.session = session;
        this.token = token;
        this.outbound = Sinks.many().unicast().onBackpressureBuffer(new BoundedQueue<>(outboundBuffer));
        this.messages = messages;
        this.chat = chat;
    }

    public JoinToken token() {
        return token;
    }

    public String meetingId() {
        return token.meetingId();
    }

    public String participantId() {
        return token.participantId();
    }

    /** Queues a text frame; false when the socket is closed or the client is too slow (then it is closed). */
    public boolean send(String json) {
        if (closed.get()) {
            return false;
        }
        Sinks.EmitResult result;
        synchronized (outbound) {
            result = outbound.tryEmitNext(json);
        }
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            close(CloseCode.SLOW_CONSUMER);
            return false;
        }
        return result.isSuccess();
    }

    /** Sends a last message, then closes with the given code. */
    public void sendAndClose(String json, CloseCode code) {
        send(json);
        close(code);
    }

    public void close(CloseCode code) {
        if (closed.compareAndSet(false, true)) {
            closeCode = code;
            synchronized (outbound) {
                outbound.tryEmitComplete();
            }
        }
    }

    /** The frames to write; once complete the socket is closed with the code asked for, if any. */
    Flux<String> outbound() {
        return outbound.asFlux();
    }

    CloseCode closeCode() {
        return closeCode;
    }

    boolean isClosed() {
        return closed.get();
    }

    WebSocketSession session() {
        return session;
    }

    boolean allowMessage(long nowNanos) {
        return messages.tryTake(nowNanos);
    }

    boolean allowChat(long nowNanos) {
        return chat.tryTake(nowNanos);
    }

    public boolean audio() {
        return audio;
    }

    public boolean video() {
        return video;
    }

    void media(boolean audio, boolean video) {
        this.audio = audio;
        this.video = video;
    }
}
