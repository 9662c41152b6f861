package io.parley.gateway.malformed;

import io.netty.channel.ChannelPipeline;
import io.parley.gateway.GatewayMetrics;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link MalformedRequestProblems} after the HTTP codec of every connection the
 * gateway accepts.
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequestConfiguration {

    @Bean
    NettyServerCustomizer malformedRequestProblems(JsonMapper json, GatewayMetrics metrics) {
        ProblemBodies bodies = new ProblemBodies(json);
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, MalformedRequestProblems.NAME,
                        new MalformedRequestProblems(bodies, metrics));
            }
        });
    }

}
