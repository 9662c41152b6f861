package io.parley.streamlimit.lease;

import java.util.List;
import java.util.OptionalLong;

/**
 * What sweep-v1.lua removed from one user, and the earliest expiry among the leases left
 * (ms since the epoch).
 */
public record Sweep(List<ExpiredLease> expired, OptionalLong earliestRemaining) {
}
