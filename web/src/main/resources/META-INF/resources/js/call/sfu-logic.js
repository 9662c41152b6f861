// Decisions of the SFU mode without I/O (docs/web-client.md, "SFU mode"): which mode a message puts the call in, how
// the camera is published, whose media a received transceiver carries, when the mesh may go, and how an SDP names
// its ICE session.

/** How long the mesh keeps running beside the SFU when the subscription does not connect. */
export const SWITCH_GRACE_MS = 5000;
/** The longest wait for ICE gathering before an SDP goes out with the candidates it has (no trickle in v1). */
export const GATHERING_MS = 2000;
/** The wait before publishing again after `sfu-unavailable`, and what the call bar and the tiles say meanwhile. */
export const RETRY_MS = 3000;
export const UNAVAILABLE_TEXT = 'Media server unreachable, retrying…';

/**
 * The camera's simulcast layers on the SFU, in janus.js's order and with its default bitrates: rid h at full size,
 * m at half, l at a quarter, highest first as Janus's own client sends them. The SFU forwards each subscriber one
 * of them, the one its `sfu-view` asks for unless its downlink needs less, so a thumbnail costs a fraction of a
 * large tile. The screen keeps one full-size encoding: a shrunken slide is unreadable.
 */
export const SIMULCAST_LAYERS = Object.freeze([
  Object.freeze({ rid: 'h', maxBitrate: 900_000 }),
  Object.freeze({ rid: 'm', maxBitrate: 300_000, scaleResolutionDownBy: 2 }),
  Object.freeze({ rid: 'l', maxBitrate: 100_000, scaleResolutionDownBy: 4 }),
]);

/** The sendEncodings of an own camera or microphone track on the publishing connection (audio: the default one). */
export function sendEncodingsFor(kind) {
  return kind === 'video' ? SIMULCAST_LAYERS.map((layer) => ({ ...layer })) : undefined;
}

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
