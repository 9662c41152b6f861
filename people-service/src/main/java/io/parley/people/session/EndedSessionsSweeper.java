package io.parley.people.session;

import java.time.Clock;
import java.time.Duration;

import io.parley.people.PeopleProperties;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes sessions a while after they ended, with the hashes of every token they retired
 * (one per refresh, so an active device adds ~100 a day): without it both tables would
 * grow for as long as the service runs. An ended session is kept {@code keep-ended}
 * first, so that a token stolen from it is still recognised when replayed.
 */
@Component
class EndedSessionsSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(EndedSessionsSweeper.class);

    private static final Duration EVERY = Duration.ofHours(1);

    private final SessionStore store;

    private final Duration keepEnded;

    private final Clock clock;

    EndedSessionsSweeper(SessionStore store, PeopleProperties properties, Clock clock) {
        super(Duration.ofMinutes(2), EVERY);
        this.store = store;
        this.keepEnded = properties.sessions().keepEnded();
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce() {
        return store.deleteEndedBefore(clock.instant().minus(keepEnded))
            .doOnNext(deleted -> log.debug("Deleted {} sessions that ended over {} ago", deleted, keepEnded));
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Deleting ended sessions failed (next run in {}): {}", EVERY, error.toString());
    }

}
