// The incoming-call banner, on every page of a signed-in person: each call ringing for them (the user socket's
// `call-ringing` and catch-up, GET /api/calls?state=ringing at page load) with "Answer" and "Decline", and the
// ringtone while any rings. Every device of the person rings; the first answer wins. The others hear `call-ended`
// with reason `answered` and stop; a device that answers too late gets 409 and says the call was answered elsewhere.
import { activeCall, answerCall } from './call-session.js';
import * as store from './contacts-store.js';
import { h, toast } from './dom.js';
import { notifyIfHidden } from './notices.js';
import { people } from './people-api.js';
import { currentTone, startTone, stopTone } from './tones.js';

/** How long a settled call's banner stays to say what became of it. */
const NOTE_MS = 4000;

let region = null;
/** callId → what the banner says once the call no longer rings here (answered elsewhere…). */
const notes = new Map();
/** Calls this device acted on: their `call-ended` is no news here. */
const handled = new Set();
/** callId → its banner, kept across redraws so a button pressed a moment ago stays pressed. */
const banners = new Map();

export function mountIncomingCalls() {
  region = h('section', { id: 'incoming-calls', className: 'call-banner-stack', 'aria-label': 'Incoming calls',
    'aria-live': 'assertive' });
  document.querySelector('.site-header')?.after(region);
  store.subscribe((what) => {
    if (what === 'calls') {
      draw();
    }
  });
  store.onEvent((message) => {
    if (message.type === 'call-ringing') {
      notifyIfHidden({ title: `${message.from?.displayName || 'A contact'} is calling`, body: 'Open Parley to answer.',
        tag: `call-${message.callId}`, path: location.pathname });
    } else if (message.type === 'call-ended' && message.reason === 'answered' && !handled.has(message.callId)) {
      toast('The call was answered on another device.');
    }
  });
}

function settle(callId, text) {
  handled.add(callId);
  store.endCall(callId);
  if (text) {
    notes.set(callId, text);
    setTimeout(() => {
      notes.delete(callId);
      draw();
    }, NOTE_MS);
  }
  draw();
}

function draw() {
  const current = activeCall();
  const calls = store.ringingCalls().filter((call) => call.callId !== current?.callId);
  for (const callId of banners.keys()) {
    if (!calls.some((call) => call.callId === callId)) {
      banners.delete(callId);
    }
  }
  const items = calls.map((call) => {
    if (!banners.has(call.callId)) {
      banners.set(call.callId, banner(call));
    }
    return banners.get(call.callId);
  });
  for (const [callId, text] of notes) {
    items.push(h('div', { className: 'call-banner incoming settled', 'data-call-id': callId, 'data-state': 'settled' },
      h('p', { className: 'call-status' }, text)));
  }
  region.replaceChildren(...items);
  region.dataset.ringing = String(calls.length > 0);
  if (calls.length > 0 && currentTone() !== 'ringback') {
    startTone('ringtone');
  } else if (calls.length === 0 && currentTone() === 'ringtone') {
    stopTone();
  }
}

function banner(call) {
  const name = call.from?.displayName || 'A contact';
  const status = h('p', { className: 'call-status', role: 'status' });
  const answer = h('button', { type: 'button', className: 'primary call-answer' }, 'Answer');
  const decline = h('button', { type: 'button', className: 'danger call-decline' }, 'Decline');
  const busy = (text) => {
    answer.disabled = true;
    decline.disabled = true;
    status.textContent = text;
  };
  const failed = (error) => {
    if (error.status === 409) {
      settle(call.callId, error.reason === 'meeting-gone' ? 'The call is over.'
        : 'The call was answered on another device, or is over.');
      return;
    }
    answer.disabled = false;
    decline.disabled = false;
    status.textContent = error.detail || error.message;
  };
  answer.addEventListener('click', async () => {
    busy('Connecting…');
    handled.add(call.callId);
    try {
      await answerCall(call);
      stopTone();
    } catch (error) {
      failed(error);
    }
  });
  decline.addEventListener('click', async () => {
    busy('Declining…');
    handled.add(call.callId);
    try {
      await people.declineCall(call.callId);
      settle(call.callId, null);
    } catch (error) {
      failed(error);
    }
  });
  return h('div', { className: 'call-banner incoming', 'data-call-id': call.callId, 'data-state': 'ringing' },
    h('p', { className: 'call-banner-text' }, h('strong', {}, name), ' is calling you'),
    h('div', { className: 'call-banner-actions' }, answer, decline),
    status);
}
