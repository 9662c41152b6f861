package io.parley.gateway.websocket;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.parley.gateway.GatewayMetrics;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Puts the fragments of a client's WebSocket message together from the moment the socket
 * opens, and closes the socket with 1009 (message too big) when they add up to more than
 * the limit. One per connection, right behind the HTTP codec, where the WebSocket decoder
 * takes the codec's place on upgrade; HTTP messages pass it untouched.
 * <p>
 * Spring's session adds an aggregator of its own only once the proxy reads, after the
 * service has accepted the proxied socket: fragments that arrived before passed one by
 * one, which the proxy cannot handle, and an overflow became an error that ended the
 * proxy with 1002 (protocol error), or with no close frame at all.
 */
final class MessageSizeLimit extends WebSocketFrameAggregator {

    static final String NAME = "parley.webSocketMessageSizeLimit";

    private final GatewayMetrics metrics;

    MessageSizeLimit(int maxMessageBytes, GatewayMetrics metrics) {
        super(maxMessageBytes);
        this.metrics = metrics;
    }

    /**
     * The rest of the message is discarded by the aggregator; the close goes out as
     * Reactor Netty's own would.
     */
    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, WebSocketFrame oversized) {
        metrics.webSocketMessageTooBig();
        if (ChannelOperations.get(ctx.channel()) instanceof WebsocketOutbound socket) {
            socket.sendClose(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big").subscribe();
        }
        else {
            ctx.close();
        }
    }

}
