/**
 * Screen sharing: the host's {@code stop-share}. The share itself is the client's (a
 * second video track, announced in the {@code media} state).
 */
package io.parley.signaling.share;
