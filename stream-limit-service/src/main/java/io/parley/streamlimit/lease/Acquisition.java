package io.parley.streamlimit.lease;

import java.time.Instant;
import java.util.List;

/**
 * What acquire-v2.lua decided.
 *
 * @param outcome admitted, renewed (the stream id was already held) or rejected
 * @param streamCount leases the user holds afterwards; null when Redis was down and the
 * start was let through unchecked (fail-open)
 * @param limit the effective limit the decision was made under: the user's largest
 * organization limit, else the base limit (unchecked: always the base limit, as the
 * organization limits could not be read)
 * @param leaseExpiresAt the lease's expiry (for rejected: the time of the decision)
 * @param expired leases the script dropped because their time was up
 * @param evicted leases ended to make room (evict-oldest)
 */
public record Acquisition(Outcome outcome, Integer streamCount, int limit, Instant leaseExpiresAt,
        List<ExpiredLease> expired, List<ExpiredLease> evicted) {

    public enum Outcome {

        ADMITTED, RENEWED, REJECTED, UNCHECKED

    }

    public boolean holdsLease() {
        return outcome != Outcome.REJECTED;
    }
}
