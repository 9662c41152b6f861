// A call with a contact in this tab, from "Call" (or "Answer") to hanging up. A call is a meeting (docs/people.md,
// "Calls"): the join token people-service hands out goes into the tab's join credentials, as the start page does for
// a host, and the meeting page takes over from there. Around it, without touching the meeting page itself:
// - the caller sees "Ringing…" (and hears ringback) until the callee's tile joins the meeting's participant list;
// - `call-ended` from the user socket (declined, missed, busy, hung up) says why and goes back to the conversation;
// - "Leave" in the meeting, going to another page of the app, or closing or reloading the tab hangs up
//   (DELETE /api/calls/{id}), so nobody stays "in a call" after leaving it.
// The call of the tab is kept in sessionStorage, so a reload finds it ended and shows the conversation instead.
import { callEndedText } from './contacts-logic.js';
import * as store from './contacts-store.js';
import * as credentials from './credentials.js';
import { h, toast } from './dom.js';
import { hangUpOnUnload, people } from './people-api.js';
import { addGuard, navigate } from './router.js';
import { currentTone, startTone, stopTone } from './tones.js';

const KEY = 'parley.call';
/** How long "Leave" may take to show the meeting's own "left" screen before the conversation replaces it. */
const LEFT_SCREEN_WAIT_MS = 3000;

/** {callId, contactId, meetingId, role: 'caller' | 'callee', state: 'ringing' | 'answered' | 'over', name} */
let active = null;
let banner = null;
let participantsWatch = null;

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function remember(call) {
  active = call;
  if (call) {
    storage()?.setItem(KEY, JSON.stringify(call));
  } else {
    storage()?.removeItem(KEY);
  }
  drawBanner();
}

function stored() {
  try {
    const call = JSON.parse(storage()?.getItem(KEY) || 'null');
    return call && typeof call.callId === 'string' && typeof call.meetingId === 'string' ? call : null;
  } catch {
    return null;
  }
}

const conversationPath = (call) => `/contacts/${encodeURIComponent(call.contactId)}`;
const onCallPage = (route, call) => route.view === 'meeting' && route.meetingRef === call.meetingId;

/** The call this tab is in (or rings out from), or null. */
export function activeCall() {
  return active ? { ...active } : null;
}

/** "Call" in a conversation: POST /api/contacts/{id}/calls, then into the meeting. Throws the ApiError (409 busy…). */
export async function callContact(contact) {
  const answer = await people.startCall(contact.contactId);
  store.endCall(answer.callId); // when they were calling me at that moment, this answered their call
  enter({ callId: answer.callId, contactId: contact.contactId, meetingId: answer.meetingId, token: answer.token,
    role: 'caller', state: answer.state === 'ringing' ? 'ringing' : 'answered', name: contact.account.displayName });
}

/** "Answer" on the banner: POST /api/calls/{id}/answer, then into the meeting. Throws the ApiError (409…). */
export async function answerCall(call) {
  const answer = await people.answerCall(call.callId);
  store.endCall(call.callId);
  enter({ callId: call.callId, contactId: call.contactId, meetingId: answer.meetingId, token: answer.token,
    role: 'callee', state: 'answered', name: call.from?.displayName });
}

function enter({ token, ...call }) {
  if (active && active.callId !== call.callId) {
    people.hangUp(active.callId).catch(() => {}); // one call at a time: a new one ends the one before
  }
  const claims = credentials.claims(token);
  credentials.save({ meetingId: call.meetingId, participantId: claims.pid, token, role: claims.role || 'participant',
    name: claims.name || '' });
  remember(call);
  navigate(`/m/${encodeURIComponent(call.meetingId)}`);
}

/** Ringback is the caller's; an incoming call's ringtone is the banner's to stop. */
function stopRingback() {
  if (currentTone() === 'ringback') {
    stopTone();
  }
}

/** Hangs up the active call; resolves once the server knows (or could not be told). */
function hangUp() {
  const call = active;
  remember(null);
  stopRingback();
  return people.hangUp(call.callId).catch((error) => {
    toast(`The call could not be ended: ${error.detail || error.message}`, { kind: 'error' });
  });
}

/** The person pressed the meeting's "Leave": hang up, then show the conversation with the call's entry. */
function onLeaveClick(event) {
  if (!active || !(event.target instanceof Element) || !event.target.closest('#leave-call')) {
    return;
  }
  const call = active;
  hangUp();
  const app = document.getElementById('app');
  const done = () => {
    observer.disconnect();
    clearTimeout(timer);
    if (location.pathname === `/m/${encodeURIComponent(call.meetingId)}`) {
      navigate(conversationPath(call));
    }
  };
  // the meeting page shows its "left" screen once it released camera and connections; replacing it earlier would
  // let that screen come back over the conversation
  const observer = new MutationObserver(() => {
    if (app.querySelector('[data-screen]')) {
      done();
    }
  });
  observer.observe(app, { childList: true, subtree: true });
  const timer = setTimeout(done, LEFT_SCREEN_WAIT_MS);
}

function onCallEnded(message) {
  if (message.type !== 'call-ended' || !active || message.callId !== active.callId) {
    return;
  }
  if (message.reason === 'answered' && active.role === 'callee') {
    return; // this device answered: the others stop ringing
  }
  const call = active;
  remember(null);
  stopRingback();
  toast(callEndedText(message.reason, call.name));
  if (location.pathname === `/m/${encodeURIComponent(call.meetingId)}`) {
    navigate(conversationPath(call));
  }
}

/** The caller's banner: "Ringing <name>…" with "Cancel", until the callee is in the meeting. */
function drawBanner() {
  const ringing = active && active.role === 'caller' && active.state === 'ringing'
    && location.pathname === `/m/${encodeURIComponent(active.meetingId)}`;
  banner.hidden = !ringing;
  banner.dataset.state = ringing ? 'ringing' : 'idle';
  if (!ringing) {
    participantsWatch?.disconnect();
    participantsWatch = null;
    stopRingback();
    return;
  }
  const cancel = h('button', { type: 'button', id: 'cancel-call', className: 'danger small' }, 'Cancel');
  cancel.addEventListener('click', () => {
    const call = active;
    hangUp().then(() => navigate(conversationPath(call)));
  });
  banner.replaceChildren(h('p', { className: 'call-banner-text' }, `Calling ${active.name || 'your contact'}… ringing`),
    cancel);
  startTone('ringback');
  watchForCallee();
}

/** The callee answered when a second person appears in the meeting's participant list. */
function watchForCallee() {
  if (participantsWatch) {
    return;
  }
  const app = document.getElementById('app');
  const check = () => {
    if (active?.state === 'ringing' && app.querySelectorAll('#participant-list > li').length > 1) {
      remember({ ...active, state: 'answered' });
    }
  };
  participantsWatch = new MutationObserver(check);
  participantsWatch.observe(app, { childList: true, subtree: true });
  check();
}

/** Every route: leaving the call's meeting hangs up; a reload of a call that ended shows the conversation. */
function guard(route) {
  const call = active;
  if (!call) {
    return null;
  }
  if (call.state === 'over') {
    remember(null);
    if (onCallPage(route, call)) {
      toast('The call ended when the page was left.');
      return conversationPath(call);
    }
    return null;
  }
  if (!onCallPage(route, call)) {
    hangUp();
    return null;
  }
  drawBanner();
  return null;
}

/** Starts following calls on this page: the banner, the socket's `call-ended`, Leave, navigation and unload. */
export function mountCallSession() {
  banner = h('section', { id: 'outgoing-call', className: 'call-banner outgoing', role: 'status', hidden: true,
    'aria-label': 'Outgoing call' });
  document.querySelector('.site-header')?.after(banner);
  // only a reload of the call's own page carries the call on (a tab opened from it copies sessionStorage too)
  const found = stored();
  storage()?.removeItem(KEY);
  if (found && location.pathname === `/m/${encodeURIComponent(found.meetingId)}`) {
    remember(found);
  }
  store.onEvent(onCallEnded);
  addGuard(guard);
  document.addEventListener('click', onLeaveClick, true);
  window.addEventListener('pagehide', () => {
    if (active && active.state !== 'over') {
      hangUpOnUnload(active.callId);
      remember({ ...active, state: 'over' });
    }
  });
}
