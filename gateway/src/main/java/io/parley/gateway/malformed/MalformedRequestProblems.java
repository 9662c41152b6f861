package io.parley.gateway.malformed;

import java.net.URI;
import java.net.URISyntaxException;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.parley.gateway.GatewayMetrics;

/**
 * Gives the requests refused before any filter runs the problem-detail body every other
 * gateway error has; Reactor Netty and Spring's adapter answer them with an empty body.
 * Sits right after the HTTP codec: on the way in it notes a request that will be refused
 * (Netty could not decode it, or its target is no URI), on the way out it fills the empty
 * answer to it. Status, headers and whether the connection closes stay what Reactor Netty
 * decided. One instance per connection.
 */
final class MalformedRequestProblems extends ChannelDuplexHandler {

    static final String NAME = "parley.malformedRequestProblems";

    private final ProblemBodies bodies;

    private final GatewayMetrics metrics;

    private Integer refusedWith;

    MalformedRequestProblems(ProblemBodies bodies, GatewayMetrics metrics) {
        this.bodies = bodies;
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            refusedWith = refusal(request);
        }
        else if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
            refusedWith = ProblemBodies.status(decoded.decoderResult().cause());
        }
        ctx.fireChannelRead(msg);
    }

    /** The status the request will be refused with, or null when it is well-formed. */
    private static Integer refusal(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            return ProblemBodies.status(result.cause());
        }
        try {
            new URI(request.uri());
            return null;
        }
        catch (URISyntaxException ex) {
            return ProblemBodies.BAD_REQUEST;
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (refusedWith != null && msg instanceof FullHttpResponse response && response.status().code() == refusedWith
                && !response.content().isReadable()) {
            byte[] body = bodies.of(refusedWith);
            FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
            withBody.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set("X-Content-Type-Options", "nosniff")
                .set(ProblemBodies.SERVICE_HEADER, "gateway");
            response.release();
            metrics.malformedRequest(refusedWith);
            refusedWith = null;
            ctx.write(withBody, promise);
            return;
        }
        ctx.write(msg, promise);
    }

}
