package io.parley.meeting;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

/**
 * Every metric meeting-service adds to Spring Boot's own; names are what Prometheus
 * shows, dots as underscores. No label carries a meeting or participant id, so the series
 * count stays fixed.
 */
@Component
public class MeetingMetrics {

    private final MeterRegistry registry;

    private final Counter created;

    private final Counter ended;

    private final Counter eventsFailed;

    private final AtomicLong outboxPending = new AtomicLong();

    public MeetingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = Counter.builder("parley.meetings.created")
            .description("Meetings created (a named room joined by a second caller is not counted again)")
            .register(registry);
        this.ended = Counter.builder("parley.meetings.ended")
            .description("Meetings ended by their host")
            .register(registry);
        this.eventsFailed = Counter.builder("parley.meetings.events.failed")
            .description("Attempts to move events from the Redis outbox to Kafka that failed; the events stay in "
                    + "the outbox and are retried")
            .register(registry);
        Gauge.builder("parley.meetings.events.outbox.pending", outboxPending, AtomicLong::get)
            .description("Meetings with events not yet acknowledged by Kafka, as of the last drain run")
            .register(registry);
    }

    public void meetingCreated() {
        created.increment();
    }

    public void meetingEnded() {
        ended.increment();
    }

    /** A join (guest join, named-room join or minted token) admitted. */
    public void joinAdmitted() {
        joins("admitted", "none");
    }

    /**
     * A join refused; {@code reason} is {@code full}, {@code locked} or {@code ended}.
     */
    public void joinRejected(String reason) {
        joins("rejected", reason);
    }

    private void joins(String outcome, String reason) {
        Counter.builder("parley.meetings.joins")
            .description("Join attempts by outcome and, for rejections, reason")
            .tag("outcome", outcome)
            .tag("reason", reason)
            .register(registry)
            .increment();
    }

    /** A host control (or a leave) done. */
    public void hostCommandDone(String command) {
        hostCommand(command, "ok");
    }

    /**
     * A host control (or a leave) refused or failed; the outcome tag says which
     * ({@link #outcomeOf(Throwable)}).
     */
    public void hostCommandFailed(String command, Throwable error) {
        hostCommand(command, outcomeOf(error));
    }

    /**
     * The outcome a refused or failed command counts as: one word per client error the
     * host controls answer ({@code invalid} 400, {@code unauthorized} 401,
     * {@code forbidden} 403, {@code not-found} 404, {@code conflict} 409,
     * {@code rejected} any other 4xx) and {@code error} for the rest, so alerts on
     * {@code error} see only what the service, not the caller, got wrong.
     */
    static String outcomeOf(Throwable error) {
        int status = error instanceof ErrorResponse response ? response.getStatusCode().value() : 500;
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            default -> status >= 400 && status < 500 ? "rejected" : "error";
        };
    }

    private void hostCommand(String command, String outcome) {
        Counter.builder("parley.meetings.host.commands")
            .description("Host controls by command and outcome")
            .tag("command", command)
            .tag("outcome", outcome)
            .register(registry)
            .increment();
    }

    /**
     * A new meeting refused: its creator's cap was reached; {@code scope} is
     * {@code address} or {@code account}.
     */
    public void creationLimited(String scope) {
        Counter.builder("parley.meetings.creations.limited")
            .description("Meetings not created because the creator's address or account reached its cap")
            .tag("scope", scope)
            .register(registry)
            .increment();
    }

    /**
     * {@code kind}: {@code guest} (create or join), {@code account} (signed in),
     * {@code api-key} (an integration).
     */
    public void tokenIssued(String kind) {
        Counter.builder("parley.meetings.tokens.issued")
            .description("Join tokens signed")
            .tag("kind", kind)
            .register(registry)
            .increment();
    }

    public void eventPublished(String type) {
        Counter.builder("parley.meetings.events.published")
            .description("Events acknowledged by Kafka, by CloudEvents type")
            .tag("type", type)
            .register(registry)
            .increment();
    }

    public void eventsFailed() {
        eventsFailed.increment();
    }

    public void outboxPending(long meetings) {
        outboxPending.set(meetings);
    }

    public void recordingStarted() {
        Counter.builder("parley.meetings.recordings.started")
            .description("Recordings started by a host")
            .register(registry)
            .increment();
    }

    /**
     * {@code reason}: {@code host}, {@code meeting-ended}, {@code host-left},
     * {@code max-length}. Started minus stopped is the number of recordings under way.
     */
    public void recordingStopped(String reason) {
        Counter.builder("parley.meetings.recordings.stopped")
            .description("Recordings stopped, by reason")
            .tag("reason", reason)
            .register(registry)
            .increment();
    }

    /**
     * {@code outcome}: {@code applied}, {@code ignored} (unknown participant or ended
     * meeting), {@code duplicate}.
     */
    public void presenceEvent(String outcome) {
        Counter.builder("parley.meetings.presence.events")
            .description("Presence events from signaling by outcome")
            .tag("outcome", outcome)
            .register(registry)
            .increment();
    }

}
