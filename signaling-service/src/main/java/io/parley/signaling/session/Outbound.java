package io.parley.signaling.session;

import java.util.concurrent.atomic.AtomicBoolean;

import io.parley.signaling.protocol.CloseCode;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The frames waiting to be written to one socket, bounded in characters: a client that
 * reads slower than it is talked to is disconnected (1008) instead of growing the
 * instance's memory without bound; it reconnects and catches up. Shared by meeting and
 * user sockets.
 */
public final class Outbound {

    private final Sinks.Many<String> frames;

    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile CloseCode closeCode;

    public Outbound(long maxChars) {
        this.frames = Sinks.many().unicast().onBackpressureBuffer(new BoundedQueue<>(maxChars, String::length));
    }

    /**
     * Queues a text frame; false when the socket is closed or the client is too slow
     * (then it is closed).
     */
    public boolean send(String json) {
        if (closed.get()) {
            return false;
        }
        Sinks.EmitResult result;
        synchronized (frames) {
            result = frames.tryEmitNext(json);
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

    /** Closes after the frames already queued; a null code closes normally. */
    public void close(CloseCode code) {
        if (closed.compareAndSet(false, true)) {
            closeCode = code;
            synchronized (frames) {
                frames.tryEmitComplete();
            }
        }
    }

    /**
     * The frames to write; once complete the socket is closed with the code asked for, if
     * any.
     */
    public Flux<String> frames() {
        return frames.asFlux();
    }

    public CloseCode closeCode() {
        return closeCode;
    }

    public boolean isClosed() {
        return closed.get();
    }

}
