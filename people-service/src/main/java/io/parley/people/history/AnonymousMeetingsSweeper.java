package io.parley.people.history;

import java.time.Clock;
import java.time.Duration;

import io.parley.people.PeopleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every meeting is recorded when created (its first signed-in participant may join later); those that never had
 * one are deleted after a day, so guests' meetings are not kept for nobody.
 */
@Component
class AnonymousMeetingsSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnonymousMeetingsSweeper.class);
    private static final Duration EVERY = Duration.ofHours(1);

    private final MeetingHistory history;
    private final Duration after;
    private final Clock clock;
    private volatile Disposable running;

    AnonymousMeetingsSweeper(MeetingHistory history, PeopleProperties properties, Clock clock) {
        this.history = history;
        this.after = properties.history().forgetAnonymousAfter();
        this.clock = clock;
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ofMinutes(1), EVERY)
            .concatMap(tick -> history.forgetAnonymous(clock.instant(), after)
                .doOnNext(deleted -> log.debug("Forgot {} meetings nobody signed in took part in", deleted))
                .onErrorResume(error -> {
                    log.warn("Sweeping anonymous meetings failed (next run in {}): {}", EVERY, error.toString());
                    return Mono.empty();
                }))
            .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
