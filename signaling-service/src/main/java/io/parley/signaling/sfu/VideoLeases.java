package io.parley.signaling.sfu;

import java.util.ArrayList;
import java.util.List;

import io.parley.signaling.leases.StreamLeases;
import io.parley.signaling.session.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stream leases for the camera videos one participant receives on the SFU: the join
 * lease covers the first, and each further one holds a lease of its own (stream id
 * {@code <meetingId>:<participantId>:video-<n>}), so what a person watches counts against
 * the same limit across tabs, devices and meetings. Slots are numbered rather than tied
 * to whose video they carry, so following the speaker takes no lease traffic. A lease
 * that stream-limit-service cannot be asked for is granted for now (fail-open, as at
 * admission) and asked for again at each renewal; one refused at the limit is given up.
 * Not thread-safe: {@link SfuParticipant} calls it from one chain at a time.
 */
final class VideoLeases {

    private final StreamLeases leases;

    private final Connection connection;

    /**
     * Slots beyond the first; true when the lease is held, false when granted for now.
     */
    private final List<Boolean> slots = new ArrayList<>();

    private boolean unlimited;

    private boolean limited;

    VideoLeases(StreamLeases leases, Connection connection) {
        this.leases = leases;
        this.connection = connection;
    }

    /** How many camera videos the participant may receive now. */
    int allowed() {
        return unlimited ? Integer.MAX_VALUE : 1 + slots.size();
    }

    /** Whether the limit holds back videos the participant wants. */
    boolean limited() {
        return limited;
    }

    /**
     * Takes or gives back leases until they cover {@code wanted} videos or the limit is
     * reached.
     */
    Mono<Void> cover(int wanted) {
        return Mono.defer(() -> {
            if (unlimited) {
                return Mono.empty();
            }
            if (wanted < allowed()) {
                limited = false;
                return releaseDownTo(Math.max(wanted, 1));
            }
            if (wanted == allowed()) {
                limited = false;
                return Mono.empty();
            }
            return leases.acquire(streamId(slots.size() + 2), connection.meetingId(), connection.rawToken())
                .flatMap((outcome) -> switch (outcome) {
                    case DISABLED -> {
                        unlimited = true;
                        yield Mono.<Void>empty();
                    }
                    case LIMIT_REACHED -> {
                        limited = true;
                        yield Mono.<Void>empty();
                    }
                    case ADMITTED, UNAVAILABLE -> {
                        slots.add(outcome == StreamLeases.Outcome.ADMITTED);
                        yield cover(wanted);
                    }
                });
        });
    }

    /**
     * Renews the held leases, asks again for those granted for now, and gives up any the
     * limit no longer allows (then fewer videos are allowed).
     */
    Mono<Void> renew() {
        return Flux.range(0, slots.size())
            .concatMap((index) -> refresh(index).map((outcome) -> new Asked(index, outcome)))
            .collectList()
            .flatMap((answers) -> {
                int keep = slots.size();
                for (Asked answer : answers) {
                    switch (answer.outcome()) {
                        case LIMIT_REACHED -> {
                            keep = Math.min(keep, answer.slot());
                            limited = true;
                        }
                        case DISABLED -> unlimited = true;
                        case ADMITTED, UNAVAILABLE ->
                            slots.set(answer.slot(), answer.outcome() == StreamLeases.Outcome.ADMITTED);
                    }
                }
                return releaseDownTo(1 + keep);
            });
    }

    /** Gives back every lease this took. */
    Mono<Void> releaseAll() {
        return releaseDownTo(1);
    }

    private Mono<Void> releaseDownTo(int videos) {
        List<Mono<Void>> releases = new ArrayList<>();
        while (1 + slots.size() > videos) {
            int slot = slots.size() + 1;
            if (slots.remove(slots.size() - 1)) {
                releases.add(leases.release(streamId(slot), connection.rawToken()));
            }
        }
        return Flux.concat(releases).then();
    }

    /** A held lease renewed, or the lease asked for again when it is not held. */
    private Mono<StreamLeases.Outcome> refresh(int index) {
        String streamId = streamId(index + 2);
        Mono<StreamLeases.Outcome> ask = leases.acquire(streamId, connection.meetingId(), connection.rawToken());
        if (!slots.get(index)) {
            return ask;
        }
        return leases.renew(streamId, connection.rawToken()).flatMap((renewal) -> switch (renewal) {
            case RENEWED -> Mono.just(StreamLeases.Outcome.ADMITTED);
            case NOT_HELD -> ask;
            case UNAVAILABLE -> Mono.just(StreamLeases.Outcome.UNAVAILABLE);
            case DISABLED -> Mono.just(StreamLeases.Outcome.DISABLED);
        });
    }

    private String streamId(int video) {
        return StreamLeases.streamId(connection.token()) + ":video-" + video;
    }

    private record Asked(int slot, StreamLeases.Outcome outcome) {
    }

}
