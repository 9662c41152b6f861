package io.parley.signaling.user;

import java.time.Clock;
import java.util.List;

import io.parley.signaling.SignalingProperties;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.session.Connection;
import io.parley.signaling.session.LocalSessions;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every presence heartbeat: user sockets whose access token expired without a refresh are
 * closed with 4401; sockets of a revoked sign-in are closed with 4401 even when this
 * instance missed the revocation's event or message (the revocation is also remembered in
 * Redis); this instance's devices and meeting sockets stay present; and people whose
 * entries a dead instance left behind are reaped and their new presence announced.
 */
@Component
class UserHeartbeat extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(UserHeartbeat.class);

    private final UserSockets sockets;

    private final UserArrivals arrivals;

    private final UserPresence presence;

    private final UserChannels channels;

    private final RevokedSessions revokedSessions;

    private final LocalSessions meetingSockets;

    private final CallPresence calls;

    private final ServerMessages messages;

    private final Clock clock;

    UserHeartbeat(UserSockets sockets, UserArrivals arrivals, UserPresence presence, UserChannels channels,
            RevokedSessions revokedSessions, LocalSessions meetingSockets, CallPresence calls, ServerMessages messages,
            SignalingProperties properties, Clock clock) {
        super(properties.presence().heartbeat(), properties.presence().heartbeat());
        this.sockets = sockets;
        this.arrivals = arrivals;
        this.presence = presence;
        this.channels = channels;
        this.revokedSessions = revokedSessions;
        this.meetingSockets = meetingSockets;
        this.calls = calls;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    protected Mono<Void> runOnce() {
        List<UserConnection> open = sockets.all().stream().filter(this::stillValid).toList();
        return closeRevoked(open).thenMany(Flux.fromIterable(open))
            .filter(connection -> !connection.outbound().isClosed())
            .concatMap(connection -> presence
                .put(connection.accountId(), arrivals.presenceMember(connection), clock.millis())
                .flatMap(changed -> channels.announce(connection.accountId(), changed)))
            .then(Mono.defer(() -> calls.stay(meetingSockets.all()
                .stream()
                .filter(connection -> !connection.outbound().isClosed())
                .map(Connection::token)
                .toList(), clock.millis())))
            .thenMany(Flux.defer(() -> presence.reap(clock.millis())))
            .concatMap(change -> channels.announce(change.getKey(), change.getValue()))
            .then();
    }

    private boolean stillValid(UserConnection connection) {
        if (connection.expiresAt().isAfter(clock.instant())) {
            return true;
        }
        connection.outbound()
            .sendAndClose(messages.of(MessageType.SESSION_REVOKED, java.util.Map.of("reason", "token-expired")),
                    CloseCode.BAD_TOKEN);
        return false;
    }

    private Mono<Void> closeRevoked(List<UserConnection> open) {
        return revokedSessions.revoked(open.stream().map(UserConnection::sessionId).toList()).doOnNext(revoked -> {
            for (int i = 0; i < open.size(); i++) {
                if (revoked.get(i)) {
                    open.get(i)
                        .outbound()
                        .sendAndClose(messages.of(MessageType.SESSION_REVOKED, java.util.Map.of("reason", "revoked")),
                                CloseCode.BAD_TOKEN);
                }
            }
        }).then();
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("User heartbeat failed: {}", error.toString());
    }

}
