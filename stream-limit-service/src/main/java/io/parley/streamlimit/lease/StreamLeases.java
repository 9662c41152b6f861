package io.parley.streamlimit.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.parley.events.EventType;
import io.parley.streamlimit.StreamLimitProperties;
import io.parley.streamlimit.StreamLimitProperties.RedisFailurePolicy;
import io.parley.streamlimit.StreamMetrics;
import io.parley.streamlimit.events.StreamEventPublisher;
import io.parley.streamlimit.events.StreamEvents.LeaseExpired;
import io.parley.streamlimit.events.StreamEvents.Reason;
import io.parley.streamlimit.events.StreamEvents.StreamEnded;
import io.parley.streamlimit.events.StreamEvents.StreamRejected;
import io.parley.streamlimit.events.StreamEvents.StreamStarted;
import io.parley.streamlimit.org.OrgLimitsStore;
import io.parley.streamlimit.redis.RedisGuard;
import io.parley.support.problem.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lease use cases every entry point shares (REST, seed-compatible API, event
 * consumers, sweeper): runs the script, then reports what it did — events, metrics, the
 * sweeper's index and the meeting index — and applies the Redis failure policy.
 */
public class StreamLeases {

    private static final Logger log = LoggerFactory.getLogger(StreamLeases.class);

    private final LeaseStore store;

    private final OrgLimitsStore orgLimits;

    private final RedisGuard redis;

    private final StreamEventPublisher events;

    private final StreamMetrics metrics;

    private final StreamLimitProperties properties;

    private final Clock clock;

    public StreamLeases(LeaseStore store, OrgLimitsStore orgLimits, RedisGuard redis, StreamEventPublisher events,
            StreamMetrics metrics, StreamLimitProperties properties, Clock clock) {
        this.store = store;
        this.orgLimits = orgLimits;
        this.redis = redis;
        this.events = events;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts (or, for a stream id the user already holds, renews) a lease under the
     * user's effective limit ({@link Acquisition#limit}).
     * @param tenant the API-key tenant, null for join-token holders
     * @param meetingId the meeting the stream belongs to, or null
     * @param ttl the lease lifetime
     */
    public Mono<Acquisition> start(String userId, String tenant, String streamId, String meetingId, Duration ttl) {
        return startChecked(userId, tenant, streamId, meetingId, ttl).onErrorResume(UnavailableException.class,
                error -> failOpen(error, ttl).map(expiresAt -> new Acquisition(Acquisition.Outcome.UNCHECKED, null,
                        properties.limitFor(tenant), expiresAt, List.of(), List.of())));
    }

    /**
     * A start that fails with 503 while Redis is down, whatever the failure policy; for
     * the seed-compatible API.
     */
    public Mono<Acquisition> startChecked(String userId, String streamId, Duration ttl) {
        return startChecked(userId, null, streamId, null, ttl);
    }

    private Mono<Acquisition> startChecked(String userId, String tenant, String streamId, String meetingId,
            Duration ttl) {
        return redis
            .call(store.acquire(userId, streamId, ttl, properties.limitFor(tenant), properties.overLimitPolicy(),
                    properties.knownUserRetention()))
            .flatMap(acquisition -> recordAcquisition(userId, tenant, streamId, meetingId, acquisition)
                .thenReturn(acquisition));
    }

    /**
     * The user's effective limit, as the next start would apply it: the largest of the
     * user's organization limits, else the tenant's limit or
     * {@code parley.streams.limit}.
     */
    public Mono<Integer> limit(String userId, String tenant) {
        return redis.call(orgLimits.effectiveLimit(userId, properties.limitFor(tenant)));
    }

    /**
     * Renews a held lease; {@code changed} is false when the user does not hold it (or it
     * already expired).
     */
    public Mono<LeaseChange> renew(String userId, String streamId, Duration ttl) {
        return redis.call(store.renew(userId, streamId, ttl)).flatMap(change -> {
            if (change.changed()) {
                metrics.renewed();
            }
            return afterwards(userId, null, -change.expired().size(), change.expired()).thenReturn(change);
        })
            .onErrorResume(UnavailableException.class,
                    error -> failOpen(error, ttl).map(expiresAt -> new LeaseChange(true, null, expiresAt, List.of())));
    }

    /**
     * Ends a lease for its holder; ending one that is not held changes nothing and is not
     * an error.
     */
    public Mono<LeaseChange> end(String userId, String streamId) {
        return end(userId, streamId, Reason.ENDED, null, false);
    }

    /**
     * Ends a lease because of another service's event; {@code eventId} is derived from
     * that event's id so a redelivery cannot produce a second stream-ended, and the
     * returned Mono waits for Kafka, so the consumer commits its offset only after the
     * event is out.
     */
    public Mono<LeaseChange> release(String userId, String streamId, Reason reason, String eventId) {
        return end(userId, streamId, reason, eventId, true);
    }

    private Mono<LeaseChange> end(String userId, String streamId, Reason reason, String eventId, boolean await) {
        return redis.call(store.end(userId, streamId)).flatMap(change -> {
            Mono<Void> ended = Mono.empty();
            if (change.changed()) {
                metrics.ended();
                ended = events.send(EventType.STREAM_ENDED, eventId, userId,
                        new StreamEnded(userId, streamId, reason.value(), change.streamCount()));
                if (!await) {
                    ended.subscribe();
                    ended = Mono.empty();
                }
            }
            int removed = change.expired().size() + (change.changed() ? 1 : 0);
            return ended.then(afterwards(userId, null, -removed, change.expired())).thenReturn(change);
        });
    }

    /**
     * The seed-compatible API's end: the user's oldest lease among those whose stream id
     * starts with the prefix.
     */
    public Mono<OldestEnd> endOldest(String userId, String streamIdPrefix) {
        return redis.call(store.endOldest(userId, streamIdPrefix)).flatMap(result -> {
            boolean ended = result.status() == OldestEnd.Status.ENDED;
            if (ended) {
                metrics.ended();
                events.publish(EventType.STREAM_ENDED, userId,
                        new StreamEnded(userId, result.streamId(), Reason.ENDED.value(), result.streamCount()));
            }
            int removed = result.expired().size() + (ended ? 1 : 0);
            return afterwards(userId, null, -removed, result.expired()).thenReturn(result);
        });
    }

    public Mono<List<Lease>> active(String userId) {
        return redis.call(store.active(userId, Instant.now(clock)));
    }

    /**
     * Ends every lease recorded for a meeting; {@code sourceEventId} (the meeting-ended
     * event's id) makes the stream-ended ids deterministic, so a redelivered
     * meeting-ended event produces no new events.
     */
    public Mono<Void> endMeeting(String meetingId, String sourceEventId) {
        return redis.call(store.meetingLeases(meetingId).collectList())
            .flatMapMany(Flux::fromIterable)
            .concatMap(
                    pair -> release(pair.get(0), pair.get(1), Reason.MEETING_ENDED, sourceEventId + "/" + pair.get(1)))
            .then(redis.call(store.forgetMeeting(meetingId)));
    }

    /** The sweeper's index: users whose earliest lease may have expired by now. */
    public Mono<List<DueUser>> dueUsers(int max) {
        return redis.call(store.dueUsers(Instant.now(clock), max));
    }

    /**
     * Removes one user's expired leases and reports each as lease-expired, with an id
     * made of user, stream and expiry: a sweeper retrying after a lost reply cannot
     * produce a second event under a new id.
     */
    public Mono<Integer> sweep(DueUser user) {
        return redis.call(store.sweep(user.userId()))
            .flatMap(sweep -> reportExpired(user.userId(), sweep.expired())
                .then(redis.call(store.settleIndex(user, sweep.earliestRemaining(), sweep.expired().size())))
                .thenReturn(sweep.expired().size()));
    }

    public Mono<Long> activeLeaseCount() {
        return redis.call(store.activeLeaseCount());
    }

    private Mono<Void> recordAcquisition(String userId, String tenant, String streamId, String meetingId,
            Acquisition acquisition) {
        int count = acquisition.streamCount();
        int limit = acquisition.limit();
        Instant newLease = null;
        switch (acquisition.outcome()) {
            case ADMITTED -> {
                metrics.admitted();
                newLease = acquisition.leaseExpiresAt();
                events.publish(EventType.STREAM_STARTED, userId, new StreamStarted(userId, streamId, meetingId, tenant,
                        count, limit, acquisition.leaseExpiresAt().toString()));
            }
            case RENEWED -> metrics.renewed();
            case REJECTED -> {
                metrics.rejected();
                events.publish(EventType.STREAM_REJECTED, userId,
                        new StreamRejected(userId, streamId, meetingId, tenant, count, limit));
            }
            case UNCHECKED -> throw new IllegalStateException("The script never answers unchecked");
        }
        for (ExpiredLease evicted : acquisition.evicted()) {
            events.publish(EventType.STREAM_ENDED, userId,
                    new StreamEnded(userId, evicted.streamId(), Reason.EVICTED.value(), count));
        }
        metrics.evicted(acquisition.evicted().size());
        long delta = (acquisition.outcome() == Acquisition.Outcome.ADMITTED ? 1 : 0) - acquisition.evicted().size()
                - acquisition.expired().size();
        Mono<Void> meetingIndex = meetingId != null && acquisition.outcome() == Acquisition.Outcome.ADMITTED
                ? redis.call(store.addToMeeting(meetingId, userId, streamId, properties.meetingIndexTtl()))
                : Mono.empty();
        return Mono.when(afterwards(userId, newLease, delta, acquisition.expired()), meetingIndex);
    }

    /**
     * The bookkeeping after a script: report leases it found expired (in the background:
     * a request does not wait for Kafka) and update the sweeper's index. A failure here
     * does not undo the decision already made in Redis, so it is logged rather than
     * failing the request.
     */
    private Mono<Void> afterwards(String userId, Instant newLease, long activeDelta, List<ExpiredLease> expired) {
        reportExpired(userId, expired).subscribe();
        return redis.call(store.touchIndex(userId, newLease, activeDelta)).onErrorResume(error -> {
            log.warn("Lease index for user {} not updated: {}", userId, error.toString());
            return Mono.empty();
        });
    }

    private Mono<Void> reportExpired(String userId, List<ExpiredLease> expired) {
        if (expired.isEmpty()) {
            return Mono.empty();
        }
        metrics.expired(expired.size());
        return Flux.fromIterable(expired)
            .flatMap(lease -> events.send(EventType.LEASE_EXPIRED,
                    "lease-expired/" + userId + "/" + lease.streamId() + "/" + lease.expiredAt().toEpochMilli(), userId,
                    new LeaseExpired(userId, lease.streamId(), lease.expiredAt().toString())))
            .then();
    }

    /**
     * fail-open lets a start or renewal through unchecked (no lease, no count) with the
     * expiry it would have had; fail-closed passes the 503 on.
     */
    private Mono<Instant> failOpen(UnavailableException error, Duration ttl) {
        if (properties.redisFailurePolicy() != RedisFailurePolicy.FAIL_OPEN) {
            return Mono.error(error);
        }
        metrics.admittedUnchecked();
        return Mono.just(Instant.now(clock).plus(ttl));
    }

}
