package io.parley.streamlimit.org;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Organization limits: what an owner or admin of an organization sets for every member
 * with {@code PUT /api/orgs/{id}/limits} in people-service, kept here per user (the
 * account id, which is the join token's {@code sub}) in a Redis hash of organization id
 * to limit. The user's <em>effective limit</em> is the largest of those limits — a person
 * in two organizations gets the more generous one — or, without any, the base limit
 * ({@code parley.streams.limit}, or the tenant's for API-key callers).
 *
 * <p>
 * acquire-v2.lua applies the same rule inside the script that admits, so the limit cannot
 * change between being read and being applied; {@link #effective} is its Java twin for
 * the answers that only report the limit.
 */
public final class OrgLimits {

    /** The smallest limit an organization may set (people-service's contract). */
    public static final int MIN = 1;

    /**
     * The largest limit an organization may set (people-service's contract,
     * {@code parley.people.orgs.max-stream-limit}).
     */
    public static final int MAX = 20;

    /**
     * What acquire-v2.lua counts as a limit: a whole number of at most 9 digits; anything
     * else is ignored.
     */
    private static final Pattern STORED = Pattern.compile("[0-9]{1,9}");

    private OrgLimits() {
    }

    /**
     * The user's organization limits: field = organization id, value = its limit. Tagged
     * {@code {user:ID}} like the user's leases, so the scripts that read both run on
     * Redis Cluster.
     */
    public static String key(String userId) {
        return "streams:org-limits:{user:" + userId + "}";
    }

    /**
     * The ids of the people events already applied to {@link #key}, so a redelivered one
     * changes nothing.
     */
    static String appliedEventsKey(String userId) {
        return "streams:org-limits:{user:" + userId + "}:events";
    }

    /**
     * The effective limit: the largest stored limit, or {@code base} when none is stored
     * (values that are not whole numbers are ignored, as acquire-v2.lua ignores them).
     */
    public static int effective(Collection<String> stored, int base) {
        int best = -1;
        for (String value : stored) {
            if (value != null && STORED.matcher(value).matches()) {
                best = Math.max(best, Integer.parseInt(value));
            }
        }
        return best >= 0 ? best : base;
    }

}
