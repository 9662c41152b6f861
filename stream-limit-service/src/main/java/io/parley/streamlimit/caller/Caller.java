package io.parley.streamlimit.caller;

import io.parley.tokens.JoinToken;

/**
 * Who a request acts for: the user whose leases it counts, the API-key tenant (null for
 * join-token holders) and the join token (null for API-key callers).
 */
public record Caller(String userId, String tenant, JoinToken token) {
}
