// Decisions of the SFU mode without I/O (docs/web-client.md, "SFU mode"): which mode a message puts the call in,
// whose media a received transceiver carries, when the mesh may go, and how an SDP names its ICE session.

/** How long the mesh keeps running beside the SFU when the subscription does not connect. */
export const SWITCH_GRACE_MS = 5000;
/** The longest wait for ICE gathering before an SDP goes out with the candidates it has (no trickle in v1). */
export const GATHERING_MS = 2000;
/** The wait before publishing again after `sfu-unavailable`, and what the call bar and the tiles say meanwhile. */
export const RETRY_MS = 3000;
export const UNAVAILABLE_TEXT = 'Media server unreachable, retrying…';

/** 'sfu' or 'mesh' from `welcome` (`media.mode`) or `media-mode` (`mode`); null when it does not say. */
export function mediaMode(message) {
  const mode = message?.type === 'media-mode' ? message.mode : message?.media?.mode;
  return mode === 'sfu' || mode === 'mesh' ? mode : null;
}

/**
 * What the subscription's transceivers carry, by participant: transceivers [{mid, track}] (the receiver's track),
 * streams the latest `sfu-offer`'s list [{mid, participantId, kind, screen}]. A mid absent from the list (its
 * publisher left) carries nothing. Returns Map participantId → {camera: [tracks], screen: [tracks]}.
 */
export function tracksByParticipant(transceivers, streams) {
  const byMid = new Map((Array.isArray(streams) ? streams : [])
    .filter((stream) => stream && typeof stream.mid === 'string' && typeof stream.participantId === 'string')
    .map((stream) => [stream.mid, stream]));
  const result = new Map();
  for (const { mid, track } of transceivers) {
    const stream = mid === null || mid === undefined ? null : byMid.get(mid);
    if (!stream || !track) {
      continue;
    }
    let entry = result.get(stream.participantId);
    if (!entry) {
      entry = { camera: [], screen: [] };
      result.set(stream.participantId, entry);
    }
    entry[stream.screen === true ? 'screen' : 'camera'].push(track);
  }
  return result;
}

/** Whether a MediaStream (or null) holds exactly these tracks, so a tile keeps its source when nothing changed. */
export function holdsExactly(stream, tracks) {
  if (!stream) {
    return tracks.length === 0;
  }
  const current = stream.getTracks();
  return current.length === tracks.length && tracks.every((track) => current.includes(track));
}

/**
 * Whether the mesh can be closed now that the call is on the SFU: once the subscribing connection is up, or when
 * the grace period is over (a subscription that never comes must not keep the mesh forever).
 */
export function meshCloseDue({ subscriberState, elapsedMs, graceMs = SWITCH_GRACE_MS }) {
  return subscriberState === 'connected' || elapsedMs >= graceMs;
}

/**
 * The ICE username fragment of an SDP (the first one: the SFU bundles everything on one transport). A new one in a
 * later `sfu-offer` means a new server-side handle, whose DTLS session the current connection cannot continue.
 */
export function iceUfrag(sdp) {
  const match = /^a=ice-ufrag:(\S+)/m.exec(typeof sdp === 'string' ? sdp : '');
  return match ? match[1] : null;
}
