package io.parley.signaling.meeting;

import java.time.Clock;
import java.util.List;

import io.parley.signaling.SignalingProperties;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import io.parley.support.lifecycle.PeriodicTask;
import io.parley.tokens.RevocationList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Re-checks the authority of every open meeting socket now and then, so that a socket
 * closes even when its instance missed the event that should have closed it (a host
 * command published while Redis was away, a Kafka record lost to a crash): a token that
 * expired closes with 4401, a withdrawn token with 4401, a removed participant with 4403,
 * an ended meeting with 4410. The revocation list in Redis is the record; the events only
 * make it fast.
 */
@Component
class AuthorityCheck extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(AuthorityCheck.class);

    private final LocalSessions sessions;

    private final RevocationList revocations;

    private final ServerMessages messages;

    private final Clock clock;

    AuthorityCheck(LocalSessions sessions, RevocationList revocations, ServerMessages messages,
            SignalingProperties properties, Clock clock) {
        super(properties.authorityCheckInterval(), properties.authorityCheckInterval());
        this.sessions = sessions;
        this.revocations = revocations;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected Mono<Void> runOnce() {
        List<Connection> open = sessions.all();
        return Flux.fromIterable(open).concatMap(connection -> {
            if (!connection.token().expiresAt().isAfter(clock.instant())) {
                connection.close(CloseCode.BAD_TOKEN);
                return Mono.empty();
            }
            return revocations.revocation(connection.token()).doOnNext(revocation -> close(connection, revocation));
        }).then();
    }

    private void close(Connection connection, RevocationList.Revocation revocation) {
        switch (revocation) {
            case MEETING_ENDED ->
                connection.sendAndClose(messages.of(MessageType.MEETING_ENDED), CloseCode.MEETING_ENDED);
            case PARTICIPANT -> connection.sendAndClose(messages.of(MessageType.REMOVED), CloseCode.FORBIDDEN);
            case TOKEN -> connection.close(CloseCode.BAD_TOKEN);
            case NONE -> {
            }
        }
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Re-checking the open sockets' tokens failed: {}", error.toString());
    }

}
