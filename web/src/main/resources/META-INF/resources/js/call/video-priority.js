// Whose camera video matters most on the SFU, and in which size (docs/web-client.md, "Who gets video"). Pure: no DOM,
// no timers, so ClientLogicIT pins the order down. The server sends the camera videos a person's stream leases allow
// in this order (`sfu-view`), and the simulcast layer each asks for; audio is never limited, so everyone is heard.

/** The most the server takes in one `sfu-view`. */
export const MAX_VIDEOS = 100;
/** How often at most a changed view goes out: speakers change every few hundred milliseconds. */
export const VIEW_DEBOUNCE_MS = 500;

/**
 * The recent speakers, most recent first, after one sample of the speaker view: whoever speaks now moves to the
 * front (the one the layout follows first of all); the others keep their order behind.
 */
export function rememberSpeakers(recent, { speaking = [], active = null } = {}, max = MAX_VIDEOS) {
  const now = [active, ...speaking].filter((id) => typeof id === 'string');
  return [...new Set([...now, ...(Array.isArray(recent) ? recent : [])])].slice(0, max);
}

/**
 * The simulcast layer for one remote tile. A poor subscription asks for the lowest everywhere (the SFU then steps
 * down); otherwise the layer follows the tile's size: the only remote one and the large speaker tile high, the
 * thumbnails beside a large tile low, a grid of up to four medium and anything larger low.
 */
function layerOf(participantId, { remoteCount, tileCount, large, poor }) {
  if (poor) {
    return 'low';
  }
  if (remoteCount === 1) {
    return 'high';
  }
  if (large) {
    return participantId === large ? 'high' : 'low';
  }
  return tileCount <= 4 ? 'medium' : 'low';
}

/**
 * The `sfu-view` list: [{participantId, layer}], the active speaker first, then the recent speakers (most recent
 * first), then everyone else in tile order; oneself never, and nobody without a tile. tiles: participant ids in tile
 * order (oneself included); speakerView: whether the layout shows the active speaker large (it does from three
 * tiles); poor: whether the subscribing connection's quality is poor.
 */
export function videoPriority({ selfId, tiles = [], active = null, recent = [], speakerView = true, poor = false,
  max = MAX_VIDEOS }) {
  const remote = tiles.filter((id) => id !== selfId);
  const present = new Set(remote);
  const order = [...new Set([active, ...recent, ...remote])].filter((id) => present.has(id)).slice(0, max);
  const large = speakerView && tiles.length >= 3 && present.has(active) ? active : null;
  const context = { remoteCount: remote.length, tileCount: tiles.length, large, poor };
  return order.map((participantId) => ({ participantId, layer: layerOf(participantId, context) }));
}

/**
 * Whether the subscription's connection is poor, from the remote tiles' quality levels (good, fair, poor, unknown):
 * they all come over the one subscribing connection, so when at least half of those measured are poor the trouble
 * is this side's downlink rather than one sender's.
 */
export function subscriptionPoor(levels) {
  const measured = (Array.isArray(levels) ? levels : []).filter((level) => ['good', 'fair', 'poor'].includes(level));
  return measured.length > 0 && measured.filter((level) => level === 'poor').length * 2 >= measured.length;
}

/** Whether two views ask for the same: only a different one goes out. */
export function sameView(a, b) {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length
    && a.every((entry, index) => entry.participantId === b[index].participantId && entry.layer === b[index].layer);
}

function ids(value) {
  return Array.isArray(value) ? value.filter((id) => typeof id === 'string') : [];
}

/** `sfu-videos` made safe: {limit: a count or null (unlimited), receiving: [ids], withheld: [ids]}. */
export function videoLimits(message) {
  const limit = Number.isInteger(message?.limit) && message.limit >= 0 ? message.limit : null;
  return { limit, receiving: ids(message?.receiving), withheld: ids(message?.withheld) };
}

/** The call bar's notice while videos are held back by the stream limit; '' when nothing is. */
export function limitNotice({ limit, withheld }) {
  if (!withheld?.length) {
    return '';
  }
  if (limit === null || limit === undefined) {
    return 'Your stream limit holds some videos back; they show as avatars. You still hear everyone.';
  }
  if (limit === 0) {
    return 'Your stream limit lets you watch no videos; everyone shows as an avatar. You still hear everyone.';
  }
  return `Your stream limit lets you watch ${limit} video${limit === 1 ? '' : 's'}; others show as avatars. `
    + 'You still hear everyone.';
}
