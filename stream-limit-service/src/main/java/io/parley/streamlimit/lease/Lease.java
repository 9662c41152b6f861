package io.parley.streamlimit.lease;

import java.time.Instant;

/** A lease a user holds on one stream until {@code expiresAt} unless renewed. */
public record Lease(String streamId, Instant expiresAt) {
}
