package io.parley.signaling.sfu;

/**
 * One stream of a publisher in a VideoRoom room: the publisher's feed id and the stream's
 * mid in the publisher's own connection.
 */
record FeedStream(long feed, String mid) {
}
