package io.parley.signaling.sfu;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.session.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The stream leases for the camera videos one participant receives on the SFU: the join
 * lease covers the first, and each further one holds a lease of its own (stream id
 * {@code <meetingId>:<participantId>:video-<n>}), so what a person watches counts against
 * the same limit across tabs, devices and meetings. Slots are numbered rather than tied
 * to whose video they carry, so following the speaker takes no lease traffic. A video
 * whose lease stream-limit-service cannot be asked for is not received until a renewal
 * gets it: unlike a join, which fails open, a video is never received beyond the limit,
 * and the person still hears everyone and sees the first video meanwhile. A lease refused
 * at the limit is given up. Changes run one at a time, in the order asked for; each
 * covering one reads the wanted count when it runs, so a burst of them costs one round of
 * requests.
 */
final class VideoLeases {

    private static final Logger log = LoggerFactory.getLogger(VideoLeases.class);

    private final StreamLeases leases;

    private final Connection connection;

    private final IntSupplier wanted;

    private final Sinks.Many<Supplier<Mono<Void>>> changes = Sinks.many().unicast().onBackpressureBuffer();

    private final AtomicInteger pending = new AtomicInteger();

    /** Leases held beyond the join lease, for videos 2 to {@code held + 1}. */
    private volatile int held;

    private volatile boolean unlimited;

    private volatile boolean limited;

    /**
     * {@code wanted}: how many camera videos the participant would receive without a
     * limit; {@code changed}: called after each change, with none waiting.
     */
    VideoLeases(StreamLeases leases, Connection connection, IntSupplier wanted, Runnable changed) {
        this.leases = leases;
        this.connection = connection;
        this.wanted = wanted;
        // deferred, a change that throws while it is built fails like any other: no
        // lease is taken (fail-closed) and the queue goes on; the participant follows
        // within the change, not after its end, where Reactor could only drop errors
        changes.asFlux().concatMap((change) -> Mono.defer(change).onErrorResume((error) -> {
            log.warn("Video leases of participant {} were not changed: {}", connection.participantId(),
                    error.toString());
            return Mono.empty();
        }).then(Mono.fromRunnable(() -> {
            if (pending.decrementAndGet() == 0) {
                changed.run();
            }
        })).onErrorResume((error) -> {
            log.warn("Participant {} did not follow its video leases: {}", connection.participantId(),
                    error.toString());
            return Mono.empty();
        })).subscribe();
    }

    /** How many camera videos the participant may receive now. */
    int allowed() {
        return unlimited ? Integer.MAX_VALUE : 1 + held;
    }

    /** Whether a change is under way or waiting. */
    boolean changing() {
        return pending.get() > 0;
    }

    /** Takes or gives back leases to cover the videos wanted now. */
    void cover() {
        submit(() -> cover(wanted.getAsInt()));
    }

    /**
     * Renews the held leases, then tries again for videos the limit held back (the person
     * may have ended a stream elsewhere).
     */
    void renew() {
        submit(() -> renewHeld().then(Mono.defer(() -> cover(wanted.getAsInt()))));
    }

    /** Gives back every lease this took; nothing is asked for afterwards. */
    void release() {
        submit(() -> releaseDownTo(1));
        serialized(changes::tryEmitComplete);
    }

    private void submit(Supplier<Mono<Void>> change) {
        pending.incrementAndGet();
        if (serialized(() -> changes.tryEmitNext(change)).isFailure()) {
            pending.decrementAndGet();
        }
    }

    /**
     * Retries while another thread emits at the same moment, which lasts as long as one
     * emission: too short to wait for otherwise.
     */
    private static Sinks.EmitResult serialized(Supplier<Sinks.EmitResult> emission) {
        Sinks.EmitResult result = emission.get();
        while (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
            result = emission.get();
        }
        return result;
    }

    /**
     * Takes or gives back leases until they cover {@code wanted} videos, the limit is
     * reached or the service cannot be asked.
     */
    Mono<Void> cover(int wanted) {
        return Mono.defer(() -> {
            if (unlimited) {
                return Mono.empty();
            }
            if (wanted <= allowed()) {
                limited = false;
                return releaseDownTo(Math.max(wanted, 1));
            }
            return leases.acquire(streamId(held + 2), connection.meetingId(), connection.rawToken())
                .flatMap((outcome) -> switch (outcome) {
                    case DISABLED -> {
                        unlimited = true;
                        yield Mono.<Void>empty();
                    }
                    case LIMIT_REACHED -> {
                        limited = true;
                        yield Mono.<Void>empty();
                    }
                    case UNAVAILABLE -> Mono.<Void>empty();
                    case ADMITTED -> {
                        held++;
                        yield cover(wanted);
                    }
                });
        });
    }

    /**
     * Renews the held leases and takes again those the service lost; from the first one
     * it no longer grants (the limit, or lost and not to be had now) the videos are given
     * up.
     */
    Mono<Void> renewHeld() {
        return Flux.range(2, held)
            .concatMap((video) -> refresh(video).map((outcome) -> new Asked(video, outcome)))
            .collectList()
            .flatMap((answers) -> {
                int keep = held;
                for (Asked answer : answers) {
                    switch (answer.outcome()) {
                        case LIMIT_REACHED, UNAVAILABLE -> {
                            keep = Math.min(keep, answer.video() - 2);
                            limited |= answer.outcome() == StreamLeases.Outcome.LIMIT_REACHED;
                        }
                        case DISABLED -> unlimited = true;
                        case ADMITTED -> {
                        }
                    }
                }
                return releaseDownTo(1 + keep);
            });
    }

    /** Gives back every lease this took. */
    Mono<Void> releaseAll() {
        return releaseDownTo(1);
    }

    /** Whether the limit holds back videos the participant wants. */
    boolean limited() {
        return limited;
    }

    private Mono<Void> releaseDownTo(int videos) {
        List<Mono<Void>> releases = new ArrayList<>();
        while (1 + held > videos) {
            releases.add(leases.release(streamId(1 + held), connection.rawToken()));
            held--;
        }
        return Flux.concat(releases).then();
    }

    /**
     * A held lease renewed ({@code ADMITTED}), taken again when the service lost it, or
     * {@code UNAVAILABLE} only when a lost lease cannot be taken again: one the service
     * could not be asked to renew is still held until its time runs out.
     */
    private Mono<StreamLeases.Outcome> refresh(int video) {
        String streamId = streamId(video);
        return leases.renew(streamId, connection.rawToken()).flatMap((renewal) -> switch (renewal) {
            case RENEWED, UNAVAILABLE -> Mono.just(StreamLeases.Outcome.ADMITTED);
            case NOT_HELD -> leases.acquire(streamId, connection.meetingId(), connection.rawToken());
            case DISABLED -> Mono.just(StreamLeases.Outcome.DISABLED);
        });
    }

    private String streamId(int video) {
        return StreamLeases.streamId(connection.token()) + ":video-" + video;
    }

    private record Asked(int video, StreamLeases.Outcome outcome) {
    }

}
