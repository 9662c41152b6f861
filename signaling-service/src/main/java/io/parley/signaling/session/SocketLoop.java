package io.parley.signaling.session;

import java.util.function.Function;

import io.parley.signaling.protocol.CloseCode;
import io.netty.handler.codec.TooLongFrameException;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * The two directions of one socket, for meeting and user sockets alike: text frames go to
 * the handler one at a time, in order; a binary frame closes with 1003 (the protocols are
 * JSON text only, and a frame nobody reads must not pass unmetered); a message over the
 * size limit closes with 1009; the queued output is written until the {@link Outbound}
 * completes, then the socket is closed with its code.
 */
public final class SocketLoop {

    private SocketLoop() {
    }

    /** Completes when both directions have ended. */
    public static Mono<Void> run(WebSocketSession session, Outbound outbound, Function<String, Mono<Void>> onText) {
        Mono<Void> inbound = session.receive()
            .takeUntil(frame -> frame.getType() == WebSocketMessage.Type.BINARY)
            .concatMap(frame -> switch (frame.getType()) {
                case TEXT -> onText.apply(frame.getPayloadAsText());
                case BINARY -> {
                    outbound.close(CloseCode.UNSUPPORTED_DATA);
                    yield Mono.<Void>empty();
                }
                case PING, PONG -> Mono.<Void>empty();
            })
            .then()
            .onErrorResume(TooLongFrameException.class, tooLong -> {
                outbound.close(CloseCode.MESSAGE_TOO_BIG);
                return Mono.empty();
            })
            .doFinally(signal -> outbound.close(null));
        Mono<Void> written = session.send(outbound.frames().map(session::textMessage))
            .then(Mono.defer(() -> closeWith(session, outbound.closeCode())));
        return Mono.when(inbound, written);
    }

    private static Mono<Void> closeWith(WebSocketSession session, CloseCode code) {
        return code == null ? session.close() : session.close(code.status());
    }

}
