package io.parley.signaling;

import java.time.Duration;

import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.MessageType;
import io.parley.signaling.protocol.ServerMessages;
import io.parley.signaling.meeting.SignalingHandler;
import io.parley.signaling.session.LocalSessions;
import io.parley.signaling.user.UserSocketHandler;
import io.parley.signaling.user.UserSockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown of an instance: readiness goes down (the load balancer stops sending
 * new sockets), new sockets are turned away, every client is told to {@code reconnect}
 * and closed with 4000, and the instance waits for each socket's clean-up (presence,
 * lease) before the web server stops. Runs before the web server's own graceful shutdown,
 * which would otherwise wait on sockets that never end by themselves.
 */
@Component
class Drain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Drain.class);

    private static final Duration CLEAN_UP_WAIT = Duration.ofSeconds(10);

    private final SignalingHandler meetingSockets;

    private final UserSocketHandler userSockets;

    private final LocalSessions sessions;

    private final UserSockets users;

    private final ServerMessages messages;

    private final ApplicationEventPublisher events;

    private volatile boolean running;

    Drain(SignalingHandler meetingSockets, UserSocketHandler userSockets, LocalSessions sessions, UserSockets users,
            ServerMessages messages, ApplicationEventPublisher events) {
        this.meetingSockets = meetingSockets;
        this.userSockets = userSockets;
        this.sessions = sessions;
        this.users = users;
        this.messages = messages;
        this.events = events;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        meetingSockets.startDraining();
        userSockets.startDraining();
        var open = sessions.all();
        String reconnect = messages.of(MessageType.RECONNECT);
        open.forEach(connection -> connection.sendAndClose(reconnect, CloseCode.GOING_AWAY));
        int devices = users.closeAll(reconnect, CloseCode.GOING_AWAY);
        log.info("Draining {} signaling sockets and {} user sockets", open.size(), devices);
        long deadline = System.nanoTime() + CLEAN_UP_WAIT.toNanos();
        while ((!sessions.all().isEmpty() || users.count() > 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

}
