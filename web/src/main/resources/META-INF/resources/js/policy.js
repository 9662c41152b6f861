// Decisions about the signaling connection, kept free of I/O so the browser tests can check them directly.

/** Close codes of docs/signaling.md. */
export const Close = Object.freeze({
  NORMAL: 1000,
  ABNORMAL: 1006,
  SLOW_CLIENT: 1008,
  TOO_BIG: 1009,
  TRY_AGAIN_LATER: 4503,
  GOING_AWAY: 4000,
  REPLACED: 4001,
  BAD_TOKEN: 4401,
  REMOVED: 4403,
  NO_SUCH_MEETING: 4404,
  STREAM_LIMIT: 4409,
  MEETING_ENDED: 4410,
});

/**
 * What a closed socket means for the call:
 * - `reconnect-now`: the instance is draining (4000, or a `reconnect` message came first); another one is ready
 * - `reconnect`: anything unexpected (1006 dropped, 1008 too slow, 4503 try later, 1011…): retry with backoff
 * - an ending (`ended`, `removed`, `stream-limit`, `not-found`, `bad-token`, `replaced`): no retry, show its screen
 * - `closed`: we closed it ourselves
 */
export function closeOutcome(code, { drainRequested = false } = {}) {
  switch (code) {
    case Close.NORMAL:
      return 'closed';
    case Close.GOING_AWAY:
      return 'reconnect-now';
    case Close.REPLACED:
      return 'replaced';
    case Close.BAD_TOKEN:
      return 'bad-token';
    case Close.REMOVED:
      return 'removed';
    case Close.NO_SUCH_MEETING:
      return 'not-found';
    case Close.STREAM_LIMIT:
      return 'stream-limit';
    case Close.MEETING_ENDED:
      return 'ended';
    default:
      return drainRequested ? 'reconnect-now' : 'reconnect';
  }
}

/** Failed attempts in a row after which the client stops and shows "connection lost" (12 to 24 s of trying). */
export const MAX_RECONNECT_ATTEMPTS = 6;

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential from 500 ms, capped at 8 s, with "equal jitter"
 * (half fixed, half random) so that the clients of a killed instance do not all come back in the same millisecond.
 */
export function reconnectDelay(attempt, random = Math.random) {
  const cap = Math.min(8000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/** Perfect negotiation needs exactly one polite side per pair: here the one with the larger participant id. */
export function isPolite(selfId, peerId) {
  return selfId > peerId;
}

/**
 * What to do with a description or candidate that arrived for a peer link, given the link's connection ids.
 * Every message carries the sender's connection id (`cid`) and, once known, the id of the receiver's connection it
 * is meant for (`peerCid`). Answers and candidates meant for a connection of ours that was since replaced (a
 * reload, a reset after an error) are dropped instead of corrupting the new one. An offer is always taken, since
 * it starts an exchange of its own: when it comes from another connection than the one ours is bound to, ours is
 * replaced first (a connection cannot switch peers: DTLS fingerprints would not match).
 *  - `drop`: stale, ignore
 *  - `restart`: replace our connection, then apply
 *  - `apply`: use it with the current connection
 */
export function signalAction({ type, cid, peerCid }, link) {
  if (type === 'offer') {
    const sameConnections = cid === link.remoteCid && (!peerCid || peerCid === link.localCid);
    return sameConnections || !link.hasRemoteDescription ? 'apply' : 'restart';
  }
  if (peerCid && peerCid !== link.localCid) {
    return 'drop';
  }
  if (cid === link.remoteCid) {
    return 'apply';
  }
  // the first answer of a connection the peer made to answer our offer
  return type === 'answer' && peerCid === link.localCid ? 'apply' : 'drop';
}
