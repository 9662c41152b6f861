package io.parley.streamlimit.lease;

import java.util.List;

/** What end-oldest-v1.lua did for the seed-compatible API. */
public record OldestEnd(Status status, String streamId, int streamCount, List<ExpiredLease> expired) {

    public enum Status {

        /** The oldest matching lease ended. */
        ENDED,
        /** The user is known but holds no matching lease. */
        NONE,
        /** The user never started a stream. */
        UNKNOWN

    }
}
