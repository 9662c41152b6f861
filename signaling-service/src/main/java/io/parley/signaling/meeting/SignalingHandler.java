package io.parley.signaling.meeting;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.SignalingProperties;
import io.parley.signaling.admission.Admission;
import io.parley.signaling.admission.AdmissionOutcome;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LeanHandshakes;
import io.parley.signaling.session.LocalSessions;
import io.parley.signaling.session.Outbound;
import io.parley.signaling.session.SocketLoop;
import io.parley.signaling.session.TokenBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * One meeting socket from upgrade to close: {@link Admission}, then {@link Joining}, the
 * message loop ({@link MessageDispatcher}) with the lease kept ({@link LeaseKeeping}),
 * and {@link Leaving}.
 */
@Component
public class SignalingHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(SignalingHandler.class);

    private final Admission admission;

    private final LocalSessions sessions;

    private final Joining joining;

    private final MessageDispatcher dispatcher;

    private final LeaseKeeping leases;

    private final Leaving leaving;

    private final SignalingMetrics metrics;

    private final SignalingProperties properties;

    private volatile boolean draining;

    SignalingHandler(Admission admission, LocalSessions sessions, Joining joining, MessageDispatcher dispatcher,
            LeaseKeeping leases, Leaving leaving, SignalingMetrics metrics, SignalingProperties properties) {
        this.admission = admission;
        this.sessions = sessions;
        this.joining = joining;
        this.dispatcher = dispatcher;
        this.leases = leases;
        this.leaving = leaving;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        if (draining) {
            return session.close(CloseCode.GOING_AWAY.status());
        }
        String rawToken = (String) session.getAttributes().get(LeanHandshakes.TOKEN);
        return Mono.defer(() -> Detached.of(admission.admit(rawToken))).flatMap(outcome -> {
            if (outcome instanceof AdmissionOutcome.Admitted admitted) {
                return run(session, admitted);
            }
            CloseCode code = ((AdmissionOutcome.Refused) outcome).code();
            metrics.rejected(code);
            return session.close(code.status());
        });
    }

    private Mono<Void> run(WebSocketSession session, AdmissionOutcome.Admitted admitted) {
        String rawToken = admitted.rawToken();
        // meeting-service's snapshot is needed once, for welcome, and the chains below
        // live as long as the socket
        AtomicReference<Map<String, Object>> meeting = new AtomicReference<>(admitted.meeting());
        Connection connection = open(admitted);
        Disposable renewals = leases.keep(connection, rawToken);
        return Mono.defer(() -> Detached.of(joining.join(connection, meeting.getAndSet(null)))).onErrorResume(error -> {
            log.warn("Join of participant {} failed: {}", connection.participantId(), error.toString());
            connection.close(CloseCode.TRY_AGAIN_LATER);
            return Mono.empty();
        })
            .then(SocketLoop.run(session, connection.outbound(), frame -> dispatcher.dispatch(connection, frame)))
            .doFinally(signal -> {
                renewals.dispose();
                metrics.sessionClosed();
                leaving.leave(connection, rawToken);
            });
    }

    private Connection open(AdmissionOutcome.Admitted admitted) {
        long now = System.nanoTime();
        Connection connection = new Connection(admitted.token(), admitted.rawToken(),
                new Outbound(properties.outboundBuffer().toBytes()),
                new TokenBucket(properties.messagesPerSecond(), properties.messageBurst(), now),
                new TokenBucket(properties.chat().perSecond(), properties.chat().burst(), now));
        Connection replaced = sessions.register(connection);
        if (replaced != null) {
            replaced.close(CloseCode.REPLACED);
        }
        metrics.sessionOpened();
        return connection;
    }

    /** From now on new sockets are turned away with 4000, while the instance drains. */
    public void startDraining() {
        draining = true;
    }

}
