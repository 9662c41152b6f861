package io.parley.signaling.session;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.protocol.ErrorCode;
import io.parley.signaling.protocol.ServerMessages;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Tells a client what was wrong with its message, and counts it. */
@Component
public class Replies {

    private final ServerMessages messages;

    private final SignalingMetrics metrics;

    Replies(ServerMessages messages, SignalingMetrics metrics) {
        this.messages = messages;
        this.metrics = metrics;
    }

    public Mono<Void> error(Outbound to, ErrorCode code, String text) {
        metrics.clientError(code);
        to.send(messages.error(code, text));
        return Mono.empty();
    }

    public Mono<Void> error(Connection to, ErrorCode code, String text) {
        return error(to.outbound(), code, text);
    }

}
