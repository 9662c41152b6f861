package io.parley.signaling.sfu;

import java.util.Optional;
import java.util.function.Consumer;

import io.parley.signaling.fanout.PubSub;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells every signaling instance that a meeting's recording started or stopped, so that
 * each configures the publishers of the participants whose sockets it holds. One Redis
 * channel for all meetings: recordings start and stop rarely, and an instance listens to
 * it once it holds a participant on the SFU.
 */
@Component
class RecordingChannel {

    private static final String PREFIX = "sfu-recording:{";

    private static final String CHANNEL = PubSub.channel(PREFIX, "all");

    private final PubSub pubSub;

    RecordingChannel(PubSub pubSub) {
        this.pubSub = pubSub;
    }

    void receive(Consumer<Signal> receiver) {
        pubSub.family(PREFIX, (id, message) -> Signal.decode(message).ifPresent(receiver));
    }

    /** Listens (once per instance); completes when Redis confirmed it. */
    Mono<Void> listen() {
        return pubSub.listen(CHANNEL);
    }

    Mono<Void> publish(Signal signal) {
        return pubSub.publish(CHANNEL, signal.encode()).then();
    }

    /** A recording of a meeting started ({@code start}) or stopped. */
    record Signal(boolean start, String recordingId, String meetingId) {

        String encode() {
            return (start ? "start" : "stop") + " " + recordingId + " " + meetingId;
        }

        static Optional<Signal> decode(String message) {
            String[] parts = message.split(" ", 3);
            if (parts.length != 3 || !(parts[0].equals("start") || parts[0].equals("stop"))) {
                return Optional.empty();
            }
            return Optional.of(new Signal(parts[0].equals("start"), parts[1], parts[2]));
        }

    }

}
