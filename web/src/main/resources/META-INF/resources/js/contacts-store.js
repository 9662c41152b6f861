// What this tab knows about the signed-in person's contacts (unread counts, last messages, presence), contact
// requests and the calls ringing for them, fed by people-service's answers and the user socket's events. The pages
// draw from here, so the contact list, the conversation, the header's badge and the incoming-call banner agree.
// Answers and events may arrive out of order (a catch-up computed a moment before an event that overtook it): a
// contact keeps the newer of two last messages, and a call that ended never rings again.
import { byActivity, isMessage, unreadTotal } from './contacts-logic.js';
import { people } from './people-api.js';

let accountId = null;
let contacts = new Map(); // contactId → {contactId, account: {accountId, displayName}, unread, lastMessage, since}
let presence = new Map(); // accountId → 'online' | 'offline' | 'in-call'
let requests = null; // {incoming, outgoing} once asked for
let calls = new Map(); // callId → {callId, contactId, meetingId, from: {accountId, displayName}, expiresAt}
let endedCalls = new Set();
let socketState = 'stopped';
const listeners = new Set();
const eventListeners = new Set();

/** `listener(what)` after every change: what is 'contacts', 'requests', 'calls' or 'socket'. Returns the unsubscribe. */
export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `listener(message)` for every user-socket message, after the store took it in. Returns the unsubscribe. */
export function onEvent(listener) {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

const notify = (what) => callAll(listeners, what);

/** One listener failing must not keep the others (or the socket's next message) from their turn. */
function callAll(set, value) {
  for (const listener of [...set]) {
    try {
      listener(value);
    } catch (error) {
      console.error('contacts listener failed', error);
    }
  }
}

/** A new person signed in (or nobody): forget everything about the previous one. */
export function reset(newAccountId) {
  accountId = newAccountId;
  contacts = new Map();
  presence = new Map();
  requests = null;
  calls = new Map();
  endedCalls = new Set();
  ['contacts', 'requests', 'calls'].forEach(notify);
}

export function currentAccountId() {
  return accountId;
}

/** The contacts, most recently active first, each with its `presence` ('' while not known). */
export function contactList() {
  return [...contacts.values()].map(withPresence).sort(byActivity);
}

export function contact(contactId) {
  return contacts.has(contactId) ? withPresence(contacts.get(contactId)) : null;
}

function withPresence(entry) {
  return { ...entry, presence: presence.get(entry.account.accountId) || '' };
}

export function totalUnread() {
  return unreadTotal(contacts.values());
}

export function contactRequests() {
  return requests;
}

export function ringingCalls() {
  return [...calls.values()];
}

export function socketStatus() {
  return socketState;
}

export function setSocketStatus(state) {
  if (state !== socketState) {
    socketState = state;
    notify('socket');
  }
}

/** Takes the contacts of GET /api/contacts or a catch-up: a last message newer than theirs is kept. */
function takeContacts(list) {
  const next = new Map();
  for (const entry of Array.isArray(list) ? list : []) {
    if (!entry || typeof entry.contactId !== 'string' || typeof entry.account?.accountId !== 'string') {
      continue;
    }
    const known = contacts.get(entry.contactId);
    const incoming = {
      contactId: entry.contactId,
      account: { accountId: entry.account.accountId, displayName: entry.account.displayName || '' },
      unread: Math.max(0, Number(entry.unread) || 0),
      lastMessage: isMessage(entry.lastMessage) ? entry.lastMessage : null,
      since: entry.since || null,
    };
    if (known?.lastMessage && (!incoming.lastMessage || known.lastMessage.seq > incoming.lastMessage.seq)) {
      incoming.lastMessage = known.lastMessage;
      incoming.unread = known.unread;
    }
    if (typeof entry.presence === 'string') {
      presence.set(incoming.account.accountId, entry.presence);
    }
    next.set(incoming.contactId, incoming);
  }
  contacts = next;
  notify('contacts');
}

function takeCalls(list) {
  for (const call of Array.isArray(list) ? list : []) {
    if (call && typeof call.callId === 'string' && !endedCalls.has(call.callId)) {
      calls.set(call.callId, call);
    }
  }
  notify('calls');
}

export async function loadContacts() {
  const answer = await people.contacts();
  takeContacts(answer?.contacts);
}

export async function loadRequests() {
  const answer = await people.contactRequests();
  requests = {
    incoming: Array.isArray(answer?.incoming) ? answer.incoming : [],
    outgoing: Array.isArray(answer?.outgoing) ? answer.outgoing : [],
  };
  notify('requests');
}

/** GET /api/calls?state=ringing: a call that rings while the page loads. */
export async function loadRingingCalls() {
  const answer = await people.ringingCalls();
  takeCalls(answer?.calls);
}

/** A call this tab dealt with (answered, declined) or learnt is over: it never rings here again. */
export function endCall(callId) {
  endedCalls.add(callId);
  if (calls.delete(callId)) {
    notify('calls');
  }
}

/** A contact this tab ended (removed, blocked); the socket's `contact-removed` confirms it on every device. */
export function forgetContact(contactId) {
  if (contacts.delete(contactId)) {
    notify('contacts');
  }
}

function addContact(contactId, account) {
  if (typeof contactId !== 'string' || typeof account?.accountId !== 'string' || contacts.has(contactId)) {
    return;
  }
  contacts.set(contactId, {
    contactId, account: { accountId: account.accountId, displayName: account.displayName || '' },
    unread: 0, lastMessage: null, since: new Date().toISOString(),
  });
  notify('contacts');
}

/** An accepted request's answer {contactId, contact}: shown at once, before the socket's `contact-added`. */
export function accepted(answer) {
  addContact(answer?.contactId, answer?.contact);
}

/** A user-socket message (docs/people.md, "Events for devices"). */
export function apply(message) {
  switch (message.type) {
    case 'catch-up':
      takeContacts(message.contacts);
      calls = new Map();
      takeCalls(message.calls);
      if (requests) {
        loadRequests().catch(() => {}); // requests that came while this device was away
      }
      break;
    case 'message':
      takeMessage(message);
      break;
    case 'read':
      if (contacts.has(message.contactId) && Number.isFinite(message.unread)) {
        contacts.get(message.contactId).unread = Math.max(0, message.unread);
        notify('contacts');
      }
      break;
    case 'contact-request':
      if (requests && !requests.incoming.some((r) => r.requestId === message.requestId)) {
        requests = { ...requests, incoming: [...requests.incoming, message] };
        notify('requests');
      }
      break;
    case 'contact-added':
      addContact(message.contactId, message.contact);
      if (requests) {
        loadRequests().catch(() => {}); // an outgoing request is listed by address: ask which one this was
      }
      break;
    case 'contact-removed':
      forgetContact(message.contactId);
      break;
    case 'presence':
      if (typeof message.accountId === 'string' && typeof message.state === 'string') {
        presence.set(message.accountId, message.state);
        notify('contacts');
      }
      break;
    case 'call-ringing':
      takeCalls([message]);
      break;
    case 'call-ended':
      endCall(message.callId);
      break;
    default:
      break;
  }
  callAll(eventListeners, message);
}

function takeMessage({ contactId, message, unread }) {
  const entry = contacts.get(contactId);
  if (!entry || !isMessage(message)) {
    return;
  }
  if (entry.lastMessage && entry.lastMessage.seq > message.seq) {
    return; // a repeat from before a catch-up: the counts it carries are old
  }
  entry.lastMessage = message;
  if (Number.isFinite(unread)) {
    entry.unread = Math.max(0, unread);
  }
  notify('contacts');
}
