package io.parley.signaling;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.signaling.protocol.CloseCode;
import io.parley.signaling.protocol.ErrorCode;
import org.springframework.stereotype.Component;

/** Every metric signaling publishes. */
@Component
public class SignalingMetrics {

    private final MeterRegistry registry;

    private final AtomicInteger sessions = new AtomicInteger();

    private final AtomicInteger userSockets = new AtomicInteger();

    private final Counter userMessages;

    private final Counter relayedLocal;

    private final Counter relayedRemote;

    private final Counter fanoutReceived;

    private final AtomicInteger sfuParticipants = new AtomicInteger();

    private final Counter sfuMoves;

    private final Counter sfuFailovers;

    public SignalingMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("parley.signaling.sessions", sessions, AtomicInteger::get)
            .description("Open signaling sockets on this instance")
            .register(registry);
        this.relayedLocal = Counter.builder("parley.signaling.relayed")
            .tag("path", "local")
            .description("Messages delivered to a socket on the same instance")
            .register(registry);
        this.relayedRemote = Counter.builder("parley.signaling.relayed")
            .tag("path", "redis")
            .description("Messages published for sockets on other instances")
            .register(registry);
        Gauge.builder("parley.signaling.user.sockets", userSockets, AtomicInteger::get)
            .description("Open user sockets (/ws/user) on this instance")
            .register(registry);
        this.userMessages = Counter.builder("parley.signaling.user.delivered")
            .description("Messages delivered to user sockets on this instance")
            .register(registry);
        this.fanoutReceived = Counter.builder("parley.signaling.fanout.received")
            .description("Messages received from the meeting channels")
            .register(registry);
        Gauge.builder("parley.signaling.sfu.participants", sfuParticipants, AtomicInteger::get)
            .description("Participants whose Janus session this instance holds")
            .register(registry);
        this.sfuMoves = Counter.builder("parley.signaling.sfu.moves")
            .description("Meetings this instance moved from a mesh to the SFU")
            .register(registry);
        this.sfuFailovers = Counter.builder("parley.signaling.sfu.failovers")
            .description("Meetings this instance moved off a Janus instance that died")
            .register(registry);
    }

    public void sfuParticipants(int count) {
        sfuParticipants.set(count);
    }

    public void movedToSfu() {
        sfuMoves.increment();
    }

    public void sfuFailedOver() {
        sfuFailovers.increment();
    }

    public void sessionOpened() {
        sessions.incrementAndGet();
    }

    public void sessionClosed() {
        sessions.decrementAndGet();
    }

    public void userSocketOpened() {
        userSockets.incrementAndGet();
    }

    public void userSocketClosed() {
        userSockets.decrementAndGet();
    }

    public void userMessageDelivered() {
        userMessages.increment();
    }

    public void relayedLocally() {
        relayedLocal.increment();
    }

    public void relayedThroughRedis() {
        relayedRemote.increment();
    }

    public void fanoutReceived() {
        fanoutReceived.increment();
    }

    public void rejected(CloseCode code) {
        Counter.builder("parley.signaling.closed")
            .tag("code", String.valueOf(code.code()))
            .description("Sockets closed by the server, by close code")
            .register(registry)
            .increment();
    }

    public void clientError(ErrorCode code) {
        Counter.builder("parley.signaling.client.errors")
            .tag("code", code.wireName())
            .description("Client messages answered with an error")
            .register(registry)
            .increment();
    }

    public void eventFailed(String topic) {
        Counter.builder("parley.signaling.events.failed")
            .tag("topic", topic)
            .description("Events that could not be written to Kafka")
            .register(registry)
            .increment();
    }

    public void leaseLost() {
        Counter.builder("parley.signaling.leases.lost")
            .description("Renewals that found the socket's lease gone (expired or forgotten), then taken again")
            .register(registry)
            .increment();
    }

    public void leaseFailed(String operation) {
        Counter.builder("parley.signaling.leases.failed")
            .tag("operation", operation)
            .description("Calls to stream-limit-service that failed")
            .register(registry)
            .increment();
    }

    public void recordSkipped(String topic) {
        Counter.builder("parley.signaling.records.skipped")
            .tag("topic", topic)
            .description("Kafka records the relays could not read or handle, logged and skipped")
            .register(registry)
            .increment();
    }

}
