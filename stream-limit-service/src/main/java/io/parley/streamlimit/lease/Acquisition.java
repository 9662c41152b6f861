package io.parley.streamlimit.lease;

import java.time.Instant;
import java.util.List;

/**
 * What acquire-v1.lua decided.
 *
 * @param outcome admitted, renewed (the stream id was already held) or rejected
 * @param streamCount leases the user holds afterwards; null when Redis was down and the start was let through
 *        unchecked (fail-open)
 * @param leaseExpiresAt the lease's expiry (for rejected: the time of the decision)
 * @param expired leases the script dropped because their time was up
 * @param evicted leases ended to make room (evict-oldest)
 */
public record Acquisition(Outcome outcome, Integer streamCount, Instant leaseExpiresAt, List<ExpiredLease> expired,
        List<ExpiredLease> evicted) {

    public enum Outcome {
        ADMITTED, RENEWED, REJECTED, UNCHECKED
    }

    public boolean holdsLease() {
        return outcome != Outcome.REJECTED;
    }
}
