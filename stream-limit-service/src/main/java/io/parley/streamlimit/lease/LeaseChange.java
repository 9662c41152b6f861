package io.parley.streamlimit.lease;

import java.time.Instant;
import java.util.List;

/**
 * What renew-v1.lua or end-v1.lua did.
 *
 * @param changed the lease was held (and is now renewed or ended)
 * @param streamCount leases the user holds afterwards; null when Redis was down and a
 * renewal was let through unchecked (fail-open)
 * @param leaseExpiresAt the renewed expiry (otherwise the time of the call)
 * @param expired leases the script dropped because their time was up
 */
public record LeaseChange(boolean changed, Integer streamCount, Instant leaseExpiresAt, List<ExpiredLease> expired) {
}
