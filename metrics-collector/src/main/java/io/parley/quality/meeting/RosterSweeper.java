package io.parley.quality.meeting;

import java.time.Clock;
import java.time.Duration;

import io.parley.quality.QualityProperties;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the roster about as long as the samples it grants access to: a day longer than
 * the retention window, so a meeting that began just before the window still opens to its
 * participants while its later samples are kept.
 */
@Component
class RosterSweeper extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(RosterSweeper.class);

    private final MeetingRoster roster;

    private final Duration retention;

    private final Duration interval;

    private final Clock clock;

    RosterSweeper(MeetingRoster roster, QualityProperties properties, Clock clock) {
        super(Duration.ofMinutes(1), properties.maintenanceInterval());
        this.roster = roster;
        this.retention = properties.retention();
        this.interval = properties.maintenanceInterval();
        this.clock = clock;
    }

    @Override
    protected Mono<Long> runOnce() {
        return roster.forgetBefore(clock.instant().minus(retention).minus(Duration.ofDays(1)))
            .doOnNext(forgotten -> log.debug("Forgot {} roster rows past the retention window", forgotten));
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Sweeping the meeting roster failed (next run in {}): {}", interval, error.toString());
    }

}
