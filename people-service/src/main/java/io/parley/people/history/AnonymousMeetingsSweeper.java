package io.parley.people.history;

import java.time.Clock;
import java.time.Duration;

import io.parley.people.PeopleProperties;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every meeting is recorded when created (its first signed-in participant may join
 * later); those that never had one are deleted after a day, so guests' meetings are not
 * kept for nobody.
 */
@Component
class AnonymousMeetingsSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(AnonymousMeetingsSweeper.class);

    private static final Duration EVERY = Duration.ofHours(1);

    private final MeetingHistory history;

    private final Duration after;

    private final Clock clock;

    AnonymousMeetingsSweeper(MeetingHistory history, PeopleProperties properties, Clock clock) {
        super(Duration.ofMinutes(1), EVERY);
        this.history = history;
        this.after = properties.history().forgetAnonymousAfter();
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce() {
        return history.forgetAnonymous(clock.instant(), after)
            .doOnNext(deleted -> log.debug("Forgot {} meetings nobody signed in took part in", deleted));
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Sweeping anonymous meetings failed (next run in {}): {}", EVERY, error.toString());
    }

}
