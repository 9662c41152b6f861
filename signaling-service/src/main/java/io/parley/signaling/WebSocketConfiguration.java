package io.parley.signaling;

import java.time.Clock;
import java.util.Map;

import io.parley.events.EventCodec;
import io.parley.signaling.session.LeanHandshakes;
import io.parley.signaling.user.UserSocketHandler;
import io.parley.signaling.meeting.SignalingHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

    static final String MEETING_SOCKET = "/ws/signaling";
    static final String USER_SOCKET = "/ws/user";

    @Bean
    HandlerMapping signalingMapping(SignalingHandler meetings, UserSocketHandler users) {
        return new SimpleUrlHandlerMapping(Map.of(MEETING_SOCKET, meetings, USER_SOCKET, users), -1);
    }

    /**
     * Messages over the limit are refused by Netty: a single frame closes the socket with
     * 1009 in Netty's decoder; a fragmented message is put together by the session up to
     * the same limit, and the handler answers its overflow with 1009 too.
     */
    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter(SignalingProperties properties) {
        return new WebSocketHandlerAdapter(new HandshakeWebSocketService(
                new LeanHandshakes(new ReactorNettyRequestUpgradeStrategy(() -> WebsocketServerSpec.builder()
                    .maxFramePayloadLength((int) properties.maxFrameSize().toBytes())))));
    }

    @Bean
    EventCodec eventCodec(JsonMapper json, Clock clock) {
        return new EventCodec(json, "signaling-service", clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

}
