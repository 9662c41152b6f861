package io.parley.signaling.meeting;

import reactor.core.publisher.Mono;

/**
 * The outcome of the work, without keeping the work or its value once it is done:
 * operators hold on to what they were built from and to their finished upstream (a
 * future, to its value), so the admission, join and lease-renewal chains (the parsed
 * token, the meeting, request specs and headers) would otherwise stay reachable,
 * kilobytes each, for as long as the socket lives. Build the work where it is subscribed
 * to (inside a defer, flatMap or concatMap), so that nothing long-lived refers to it
 * either.
 */
final class Detached {

    private Detached() {
    }

    static <T> Mono<T> of(Mono<T> work) {
        return Mono.create(sink -> sink
            .onDispose(work.contextWrite(sink.contextView()).subscribe(sink::success, sink::error, sink::success)));
    }

}
