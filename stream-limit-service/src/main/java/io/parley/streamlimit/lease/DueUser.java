package io.parley.streamlimit.lease;

/**
 * A user the sweeper should visit, with the index sequence number read with it (see
 * index-settle-v1.lua).
 */
public record DueUser(String userId, String sequence) {
}
