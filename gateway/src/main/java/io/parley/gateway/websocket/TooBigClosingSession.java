package io.parley.gateway.websocket;

import java.util.Map;
import java.util.function.Function;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.parley.gateway.GatewayMetrics;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A client's socket whose incoming messages end, instead of failing, when a single frame
 * was over the size limit: Netty's decoder has sent 1009 already, and ending quietly
 * (rather than with an error that Spring Cloud Gateway logs with its stack trace) lets
 * the proxy pass the 1009 on to the service as it passes on any close.
 */
final class TooBigClosingSession implements WebSocketSession {

    private final WebSocketSession delegate;

    private final GatewayMetrics metrics;

    TooBigClosingSession(WebSocketSession delegate, GatewayMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public Flux<WebSocketMessage> receive() {
        return delegate.receive().onErrorResume(TooBigClosingSession::tooBig, tooBig -> {
            metrics.webSocketMessageTooBig();
            return delegate.close(CloseStatus.TOO_BIG_TO_PROCESS).then(Mono.empty());
        });
    }

    private static boolean tooBig(Throwable error) {
        return error instanceof CorruptedWebSocketFrameException corrupted
                && corrupted.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code();
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public HandshakeInfo getHandshakeInfo() {
        return delegate.getHandshakeInfo();
    }

    @Override
    public DataBufferFactory bufferFactory() {
        return delegate.bufferFactory();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return delegate.getAttributes();
    }

    @Override
    public Mono<Void> send(Publisher<WebSocketMessage> messages) {
        return delegate.send(messages);
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public Mono<Void> close(CloseStatus status) {
        return delegate.close(status);
    }

    @Override
    public Mono<CloseStatus> closeStatus() {
        return delegate.closeStatus();
    }

    @Override
    public WebSocketMessage textMessage(String payload) {
        return delegate.textMessage(payload);
    }

    @Override
    public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        return delegate.binaryMessage(payloadFactory);
    }

    @Override
    public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        return delegate.pingMessage(payloadFactory);
    }

    @Override
    public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        return delegate.pongMessage(payloadFactory);
    }

}
