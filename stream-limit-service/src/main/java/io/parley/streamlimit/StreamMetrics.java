package io.parley.streamlimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Every metric stream-limit-service adds; names are what Prometheus shows with dots as
 * underscores (counters get {@code _total}). The circuit breaker's own metrics
 * ({@code resilience4j_circuitbreaker_*}) come on top.
 */
@Component
public class StreamMetrics {

    private final AtomicLong activeLeases = new AtomicLong();

    private final Counter admissions;

    private final Counter renewals;

    private final Counter rejections;

    private final Counter evictions;

    private final Counter expiries;

    private final Counter ends;

    private final Counter redisErrors;

    private final Counter uncheckedAdmissions;

    private final Counter eventFailures;

    private final Counter releaseEventsMalformed;

    private final Counter releaseEventsFailed;

    private final Map<String, Counter> orgLimitChanges;

    private final Counter orgLimitDuplicates;

    private final Counter orgLimitEventsMalformed;

    private final Counter orgLimitEventsFailed;

    private final Timer orgLimitDelay;

    public StreamMetrics(MeterRegistry registry) {
        Gauge.builder("parley.streams.leases.active", activeLeases, AtomicLong::get)
            .description("Leases held by all users, read from Redis by each instance's sweeper (take max, not sum, "
                    + "across instances)")
            .register(registry);
        admissions = Counter.builder("parley.streams.admissions")
            .description("Starts that created a new lease")
            .register(registry);
        renewals = Counter.builder("parley.streams.renewals")
            .description("Renewals, including starts of a stream id the user already held")
            .register(registry);
        rejections = Counter.builder("parley.streams.rejections")
            .description("Starts refused because the user was at the limit")
            .register(registry);
        evictions = Counter.builder("parley.streams.evictions")
            .description("Leases ended to make room for a new one under evict-oldest")
            .register(registry);
        expiries = Counter.builder("parley.streams.expiries")
            .description("Leases that ran out without being renewed or ended")
            .register(registry);
        ends = Counter.builder("parley.streams.ends")
            .description("Leases ended by their holder, a disconnect or the end of a meeting")
            .register(registry);
        redisErrors = Counter.builder("parley.streams.redis.errors")
            .description("Redis calls that failed or were refused by the open circuit")
            .register(registry);
        uncheckedAdmissions = Counter.builder("parley.streams.admissions.unchecked")
            .description("Starts and renewals let through without a lease because Redis was down (fail-open)")
            .register(registry);
        eventFailures = Counter.builder("parley.streams.events.failed")
            .description("Stream events that could not be put on Kafka")
            .register(registry);
        releaseEventsMalformed = releasesSkipped(registry, "malformed");
        releaseEventsFailed = releasesSkipped(registry, "failed");
        orgLimitChanges = Map.of("set", orgLimitsApplied(registry, "set"), "remove",
                orgLimitsApplied(registry, "remove"), "clear", orgLimitsApplied(registry, "clear"));
        orgLimitDuplicates = Counter.builder("parley.streams.org-limits.duplicates")
            .description("People events not applied again because their id was applied before")
            .register(registry);
        orgLimitEventsMalformed = orgLimitsSkipped(registry, "malformed");
        orgLimitEventsFailed = orgLimitsSkipped(registry, "failed");
        orgLimitDelay = Timer.builder("parley.streams.org-limits.delay")
            .description("From a people event's time (ce_time) until its organization-limit change was applied")
            .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .register(registry);
    }

    private static Counter releasesSkipped(MeterRegistry registry, String reason) {
        return Counter.builder("parley.streams.releases.skipped")
            .description("Presence and meeting events skipped by the lease releases: malformed (not a CloudEvent, "
                    + "data not JSON, a field missing) or failed (releasing kept failing, Redis down for minutes)")
            .tag("reason", reason)
            .register(registry);
    }

    private static Counter orgLimitsApplied(MeterRegistry registry, String change) {
        return Counter.builder("parley.streams.org-limits.applied")
            .description("Organization-limit changes applied from parley.people.events: set (org-limits-changed), "
                    + "remove (org-member-removed), clear (account-deleted)")
            .tag("change", change)
            .register(registry);
    }

    private static Counter orgLimitsSkipped(MeterRegistry registry, String reason) {
        return Counter.builder("parley.streams.org-limits.skipped")
            .description("People events skipped: malformed (cannot be read, a field missing or out of range) or "
                    + "failed (applying them failed after retries, for another reason than Redis being down)")
            .tag("reason", reason)
            .register(registry);
    }

    public void admitted() {
        admissions.increment();
    }

    public void renewed() {
        renewals.increment();
    }

    public void rejected() {
        rejections.increment();
    }

    public void evicted(int count) {
        evictions.increment(count);
    }

    public void expired(int count) {
        expiries.increment(count);
    }

    public void ended() {
        ends.increment();
    }

    public void redisError() {
        redisErrors.increment();
    }

    public void admittedUnchecked() {
        uncheckedAdmissions.increment();
    }

    public void eventFailed() {
        eventFailures.increment();
    }

    /**
     * @param malformed the event could not be read (otherwise releasing its lease kept
     * failing)
     */
    public void releasesSkipped(boolean malformed) {
        (malformed ? releaseEventsMalformed : releaseEventsFailed).increment();
    }

    /**
     * @param change {@code set}, {@code remove} or {@code clear}
     */
    public void orgLimitsApplied(String change) {
        Counter counter = orgLimitChanges.get(change);
        if (counter == null) {
            throw new IllegalArgumentException("Unknown organization-limit change " + change);
        }
        counter.increment();
    }

    public void orgLimitsDuplicate() {
        orgLimitDuplicates.increment();
    }

    /**
     * @param malformed the event could not be read (otherwise applying it kept failing)
     */
    public void orgLimitsSkipped(boolean malformed) {
        (malformed ? orgLimitEventsMalformed : orgLimitEventsFailed).increment();
    }

    public void orgLimitsDelay(Duration sinceEvent) {
        orgLimitDelay.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }

    public void activeLeases(long count) {
        activeLeases.set(count);
    }

}
