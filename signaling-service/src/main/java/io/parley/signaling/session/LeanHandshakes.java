package io.parley.signaling.session;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.parley.tokens.BearerTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Keeps of a socket's handshake only what the socket needs while it lives. A session
 * holds its handshake info for the whole call: Spring's copy of every request header, and
 * the request URI whose query carries the join token (a URI keeps several strings of it).
 * The token moves to the session's attributes ({@link #TOKEN}), the URI keeps its path,
 * and the headers are dropped, a few kilobytes per socket; nothing reads them after the
 * upgrade.
 */
public final class LeanHandshakes implements RequestUpgradeStrategy {

    /**
     * Session attribute: the raw join token from the handshake's {@code access_token}
     * parameter, if any.
     */
    public static final String TOKEN = "parley.signaling.token";

    private final RequestUpgradeStrategy delegate;

    public LeanHandshakes(RequestUpgradeStrategy delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
            Supplier<HandshakeInfo> handshakeInfoFactory) {
        return delegate.upgrade(exchange, handler, subProtocol, () -> lean(handshakeInfoFactory.get()));
    }

    static HandshakeInfo lean(HandshakeInfo info) {
        Map<String, Object> attributes = new HashMap<>(info.getAttributes());
        String token = UriComponentsBuilder.fromUri(info.getUri())
            .build()
            .getQueryParams()
            .getFirst(BearerTokens.QUERY_PARAMETER);
        if (token != null) {
            attributes.put(TOKEN, token);
        }
        URI withoutQuery = UriComponentsBuilder.fromUri(info.getUri()).replaceQuery(null).build(true).toUri();
        return new HandshakeInfo(withoutQuery, new HttpHeaders(), new LinkedMultiValueMap<>(), info.getPrincipal(),
                info.getSubProtocol(), info.getRemoteAddress(), attributes, info.getLogPrefix());
    }

}
