package io.parley.signaling.user;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.SignalingProperties;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.session.LeanHandshakes;
import io.parley.signaling.session.Outbound;
import io.parley.signaling.session.SocketLoop;
import io.parley.signaling.session.TokenBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * One device's user socket ({@code /ws/user}, PEOPLE.md §4) from upgrade to close:
 * {@link UserAdmission}, arrival with catch-up ({@link UserArrivals}), then the person's
 * events as they come and the device's {@link UserRequests}, until it closes, its token
 * expires or its sign-in is revoked ({@link UserHeartbeat}).
 */
@Component
public class UserSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(UserSocketHandler.class);

    private final UserAdmission admission;

    private final UserArrivals arrivals;

    private final UserRequests requests;

    private final SignalingMetrics metrics;

    private final SignalingProperties properties;

    private volatile boolean draining;

    UserSocketHandler(UserAdmission admission, UserArrivals arrivals, UserRequests requests, SignalingMetrics metrics,
            SignalingProperties properties) {
        this.admission = admission;
        this.arrivals = arrivals;
        this.requests = requests;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        if (draining) {
            return session.close(CloseCode.GOING_AWAY.status());
        }
        String rawToken = (String) session.getAttributes().get(LeanHandshakes.TOKEN);
        return admission.admit(rawToken).flatMap(outcome -> {
            if (!outcome.admitted()) {
                metrics.rejected(outcome.refusal());
                return session.close(outcome.refusal().status());
            }
            return run(session, new UserConnection(outcome.token(), new Outbound(properties.outboundBuffer().toBytes()),
                    new TokenBucket(properties.messagesPerSecond(), properties.messageBurst(), System.nanoTime())),
                    rawToken);
        });
    }

    private Mono<Void> run(WebSocketSession session, UserConnection connection, String rawToken) {
        metrics.userSocketOpened();
        return arrivals.arrive(connection, rawToken).onErrorResume(error -> {
            if (error instanceof TooManyDevices) {
                metrics.rejected(CloseCode.TOO_MANY_DEVICES);
                connection.outbound().close(CloseCode.TOO_MANY_DEVICES);
                return Mono.empty();
            }
            log.warn("Catch-up of a device of {} failed: {}", connection.accountId(), error.toString());
            connection.outbound().close(CloseCode.TRY_AGAIN_LATER);
            return Mono.empty();
        })
            .then(SocketLoop.run(session, connection.outbound(), frame -> requests.handle(connection, frame)))
            .doFinally(signal -> {
                metrics.userSocketClosed();
                arrivals.depart(connection);
            });
    }

    /** From now on new sockets are turned away with 4000, as on the meeting socket. */
    public void startDraining() {
        draining = true;
    }

}
