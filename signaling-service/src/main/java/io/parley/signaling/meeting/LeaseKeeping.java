package io.parley.signaling.meeting;

import java.time.Duration;

import io.parley.signaling.SignalingMetrics;
import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.session.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a socket's stream lease for as long as the socket lives. A lease that is no
 * longer held (it expired during a pause, or Redis restarted and forgot it) is taken
 * again; when the person is now at the limit, the socket is closed with 4409, so the
 * client sees it and no stream runs uncounted. When stream-limit-service cannot be
 * reached the socket keeps going (fail-open, as at admission) and the next renewal tries
 * again.
 */
@Component
class LeaseKeeping {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeping.class);

    private final StreamLeases leases;

    private final SignalingMetrics metrics;

    LeaseKeeping(StreamLeases leases, SignalingMetrics metrics) {
        this.leases = leases;
        this.metrics = metrics;
    }

    Disposable keep(Connection connection, String rawToken) {
        Duration interval = leases.renewInterval();
        return Flux.interval(interval, interval)
            .onBackpressureDrop()
            .concatMap(tick -> Detached.of(renew(connection, rawToken)))
            .subscribe();
    }

    private Mono<Void> renew(Connection connection, String rawToken) {
        return leases.renew(connection.token(), rawToken).flatMap(renewal -> switch (renewal) {
            case RENEWED, UNAVAILABLE, DISABLED -> Mono.<Void>empty();
            case NOT_HELD -> reacquire(connection, rawToken);
        });
    }

    private Mono<Void> reacquire(Connection connection, String rawToken) {
        metrics.leaseLost();
        return leases.acquire(connection.token(), rawToken).doOnNext(outcome -> {
            if (outcome == StreamLeases.Outcome.LIMIT_REACHED) {
                log.info("Participant {} lost its stream lease and is now over the limit", connection.participantId());
                connection.close(CloseCode.STREAM_LIMIT);
            }
        }).then();
    }

}
