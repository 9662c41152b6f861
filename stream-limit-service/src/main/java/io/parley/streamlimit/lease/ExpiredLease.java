package io.parley.streamlimit.lease;

import java.time.Instant;

/**
 * A lease that was removed by a script: expired (its time was up) or evicted;
 * {@code expiredAt} is its expiry.
 */
public record ExpiredLease(String streamId, Instant expiredAt) {
}
