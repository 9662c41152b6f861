package io.parley.meeting.event;

import java.time.Clock;

import io.parley.meeting.MeetingMetrics;
import io.parley.meeting.MeetingProperties;
import io.parley.support.lifecycle.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Retries, in the background, the outboxes that requests could not empty themselves:
 * Kafka was down, or the instance that stored the change died before publishing. Every
 * instance runs one; the per-meeting lock keeps them from publishing the same meeting at
 * once.
 */
@Component
class OutboxDrainer extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrainer.class);

    private static final int MEETINGS_PER_RUN = 100;

    private final OutboxPublisher publisher;

    private final MeetingMetrics metrics;

    private final MeetingProperties.Events settings;

    private final Clock clock;

    OutboxDrainer(OutboxPublisher publisher, MeetingMetrics metrics, MeetingProperties properties, Clock clock) {
        super(properties.events().drainInterval(), properties.events().drainInterval());
        this.publisher = publisher;
        this.metrics = metrics;
        this.settings = properties.events();
        this.clock = clock;
    }

    @Override
    protected Mono<Void> runOnce() {
        return drainOnce();
    }

    @Override
    protected void failed(Throwable error) {
        log.warn("Outbox drain run failed: {}", error.toString());
    }

    /**
     * One run: every meeting pending for longer than {@code drainAfter}, a few at a time.
     */
    Mono<Void> drainOnce() {
        long cutoff = clock.millis() - settings.drainAfter().toMillis();
        return publisher.pendingSince(cutoff, MEETINGS_PER_RUN)
            .flatMap(meetingId -> publisher.drain(meetingId).onErrorResume(error -> {
                metrics.eventsFailed();
                log.warn("Events of meeting {} still not on Kafka: {}", meetingId, error.toString());
                return Mono.empty();
            }), 4)
            .then(publisher.pendingCount())
            .doOnNext(metrics::outboxPending)
            .then();
    }

}
