/**
 * What meeting and user sockets share: the socket loop, output bounded in characters for
 * slow clients, the per-socket rate limit, and the sockets this instance holds.
 */
package io.parley.signaling.session;
