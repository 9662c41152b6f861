// Decisions of the contacts, messages and calls pages kept free of I/O, so the browser tests can check them directly:
// what a closed user socket means, how a call entry reads, which text the server would refuse, how messages from
// history pages, send answers and socket events merge without repeats, and when a reconnect left a gap to fetch.

/** Close codes of the user socket (docs/signaling.md, "User socket"). */
export const UserClose = Object.freeze({ NORMAL: 1000, GOING_AWAY: 4000, BAD_TOKEN: 4401 });

/**
 * What a closed user socket means:
 * - `closed`: we closed it ourselves
 * - `refresh`: the access token expired or was refused (4401): get a fresh one, then reconnect
 * - `reconnect-soon`: the instance is draining (4000, or a `reconnect` message came first): another one is ready
 * - `reconnect`: anything else (1006 dropped, 4503 try later, 4429 too many devices, 1011…): retry with backoff, for as
 *   long as it takes (a device of the person may free its place)
 */
export function userSocketOutcome(code, { drainRequested = false } = {}) {
  if (code === UserClose.NORMAL) {
    return 'closed';
  }
  if (code === UserClose.BAD_TOKEN) {
    return 'refresh';
  }
  return code === UserClose.GOING_AWAY || drainRequested ? 'reconnect-soon' : 'reconnect';
}

/** Delay before reconnect attempt `attempt` (0-based): from 1 s, doubling, capped at 30 s, half of it random. */
export function userSocketDelay(attempt, random = Math.random) {
  const cap = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(cap / 2 + random() * (cap / 2));
}

export const MAX_TEXT = 4000;
/** Controls other than line feed and tab, bidirectional overrides and isolates: the server refuses them (UserText). */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Why the server would refuse `text` as a message (docs/people.md, "Direct messages"), or null: the same rules,
 * checked before sending so the person learns at once. The server decides in the end.
 */
export function messageTextProblem(text) {
  const stripped = String(text ?? '').trim();
  if (!stripped) {
    return 'Write something first.';
  }
  if ([...stripped].length > MAX_TEXT) {
    return `A message can be at most ${MAX_TEXT.toLocaleString('en')} characters long.`;
  }
  if (FORBIDDEN.test(stripped)) {
    return 'The message contains control or text-direction characters, which cannot be sent.';
  }
  if (/\p{Surrogate}/u.test(stripped)) {
    return 'The message contains a broken character.';
  }
  return null;
}

/** "45 s", "3 min", "1 h 5 min": how long a call lasted. */
export function callDuration(seconds) {
  const total = Math.max(0, Math.round(Number(seconds) || 0));
  if (total < 60) {
    return `${total} s`;
  }
  const minutes = Math.round(total / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) {
    return `${minutes} min`;
  }
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * How a call entry reads for the person looking at it (`selfId`): a call that took place says how long it lasted;
 * one that did not says so from this person's side (the caller's "No answer" is the callee's "Missed call").
 */
export function callEntryText(message, selfId) {
  const call = message?.call || {};
  const outgoing = (call.callerId || message?.senderId) === selfId;
  switch (call.outcome) {
    case 'ended':
      return `Call, ${callDuration(call.durationSeconds)}`;
    case 'declined':
      return outgoing ? 'Call declined' : 'Declined call';
    case 'cancelled':
      return outgoing ? 'Cancelled call' : 'Missed call';
    case 'missed':
      return outgoing ? 'No answer' : 'Missed call';
    case 'busy':
      return outgoing ? 'No answer: they were in another call' : 'Missed call (you were in another call)';
    default:
      return 'Call';
  }
}

/** What a `call-ended` reason tells the caller who is waiting in the call's meeting. */
export function callEndedText(reason, name) {
  const who = name || 'Your contact';
  switch (reason) {
    case 'declined':
      return `${who} declined the call.`;
    case 'missed':
      return `${who} did not answer.`;
    case 'busy':
      return `${who} is in another call.`;
    case 'cancelled':
      return 'The call was cancelled.';
    case 'hung-up':
      return `${who} hung up.`;
    default:
      return 'The call ended.';
  }
}

/** A stored message as clients see it (docs/people.md): an id, a sequence number and a kind at least. */
export function isMessage(message) {
  return Boolean(message && typeof message.messageId === 'string' && Number.isFinite(message.seq)
    && (message.kind === 'text' || message.kind === 'call'));
}

/**
 * Adds `incoming` messages to `byId` (messageId → message), skipping repeats (a socket event and a history page, or
 * the send answer and its own event, carry the same message). Returns the ones that were new, oldest first.
 */
export function mergeMessages(byId, incoming) {
  const added = [];
  for (const message of incoming) {
    if (isMessage(message) && !byId.has(message.messageId)) {
      byId.set(message.messageId, message);
      added.push(message);
    }
  }
  return added.sort((a, b) => a.seq - b.seq);
}

/** The highest sequence number among `messages`, 0 for none. */
export function highestSeq(messages) {
  let highest = 0;
  for (const message of messages) {
    highest = Math.max(highest, message.seq);
  }
  return highest;
}

/**
 * Whether the conversation on display misses messages: the server's last sequence (`lastMessage.seq` of a
 * catch-up) is beyond the highest one shown. Numbers have no gaps, so comparing the two is enough.
 */
export function hasGap(shownHighestSeq, lastMessage) {
  return Boolean(lastMessage) && Number.isFinite(lastMessage.seq) && lastMessage.seq > shownHighestSeq;
}

/** The sum of every contact's unread count, for the header's badge. */
export function unreadTotal(contacts) {
  let total = 0;
  for (const contact of contacts) {
    total += Math.max(0, Number(contact.unread) || 0);
  }
  return total;
}

/** Most recently active first: the last message's time, else when the two became contacts. */
export function byActivity(a, b) {
  const when = (contact) => Date.parse(contact.lastMessage?.sentAt || contact.since || '') || 0;
  return when(b) - when(a);
}

const PRESENCE_TEXT = { online: 'online', offline: 'offline', 'in-call': 'in a call' };

/** "online", "offline", "in a call"; '' while not known (a contact added since the socket connected). */
export function presenceText(state) {
  return PRESENCE_TEXT[state] || '';
}

/** One line of a message for the contact list ("You: …" for my own), a call entry as it reads. */
export function previewOf(message, selfId, max = 80) {
  if (!isMessage(message)) {
    return '';
  }
  const text = message.kind === 'call' ? callEntryText(message, selfId)
    : String(message.text || '').replace(/\s+/g, ' ').trim();
  const short = [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
  return message.kind === 'text' && message.senderId === selfId ? `You: ${short}` : short;
}
