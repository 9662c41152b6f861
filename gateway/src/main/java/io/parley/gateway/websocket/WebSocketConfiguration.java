package io.parley.gateway.websocket;

import java.util.List;

import io.netty.channel.ChannelPipeline;
import io.parley.gateway.GatewayMetrics;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;

/**
 * The gateway's end of every proxied socket, with two changes to Spring Cloud Gateway's,
 * so that a client message over the size limit (64 KB,
 * {@code spring.cloud.gateway.server.webflux.httpclient.websocket.max-frame-payload-length})
 * closes the socket with 1009, message too big, as the services do: a message sent in
 * fragments is limited by {@link MessageSizeLimit}, a single frame over the limit, which
 * Netty's decoder closes with 1009 itself, ends the session quietly
 * ({@link TooBigClosingSession}).
 */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    /** Reactor Netty's frame limit, when the upgrade strategy does not say. */
    private static final int DEFAULT_MAX_MESSAGE_SIZE = 65_536;

    @Bean
    NettyServerCustomizer webSocketMessageSizeLimit(RequestUpgradeStrategy upgrades, GatewayMetrics metrics) {
        int maxMessageSize = upgrades instanceof ReactorNettyRequestUpgradeStrategy reactor
                ? reactor.getWebsocketServerSpec().maxFramePayloadLength() : DEFAULT_MAX_MESSAGE_SIZE;
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, MessageSizeLimit.NAME,
                        new MessageSizeLimit(maxMessageSize, metrics));
            }
        });
    }

    /**
     * Primary over Spring Cloud Gateway's own {@code webSocketService}, which its routing
     * filter would get.
     */
    @Bean
    @Primary
    WebSocketService tooBigClosingWebSocketService(RequestUpgradeStrategy upgrades, GatewayMetrics metrics) {
        WebSocketService handshakes = new HandshakeWebSocketService(upgrades);
        return (exchange, handler) -> handshakes.handleRequest(exchange, new WebSocketHandler() {

            @Override
            public List<String> getSubProtocols() {
                return handler.getSubProtocols();
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                return handler.handle(new TooBigClosingSession(session, metrics));
            }
        });
    }

}
