package io.parley.meeting.recording;

import java.time.Clock;
import java.time.Duration;

import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stops recordings that reached the maximum length. Every instance polls the deadlines in
 * Redis every second, so a deadline survives restarts and is met while any instance runs;
 * the stop script names the recording, so only one instance stops it and emits the event.
 */
@Component
class RecordingDeadlines extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(RecordingDeadlines.class);

    private static final Duration PERIOD = Duration.ofSeconds(1);

    private static final int PER_RUN = 100;

    private final RecordingStore store;

    private final Recordings recordings;

    private final Clock clock;

    RecordingDeadlines(RecordingStore store, Recordings recordings, Clock clock) {
        super(PERIOD, PERIOD);
        this.store = store;
        this.recordings = recordings;
        this.clock = clock;
    }

    @Override
    protected Mono<Void> runOnce() {
        return store.due(clock.instant(), PER_RUN)
            .flatMap(member -> DeadlineEntry.parse(member)
                .map(entry -> recordings.stopAtDeadline(entry).onErrorResume(error -> {
                    log.warn("Recording {} not stopped yet at its maximum length: {}", member, error.toString());
                    return Mono.empty();
                }))
                .orElseGet(() -> store.removeDeadline(member)), 4)
            .then();
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Recording deadline check failed: {}", error.toString());
    }

}
