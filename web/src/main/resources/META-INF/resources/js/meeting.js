// /m/{meeting}: find the meeting, ask for a name unless this tab already joined it, get camera and microphone, then
// hand over to the Call. Every way this can fail ends on its own screen (screens.js).
import * as accountSession from './account-session.js';
import { api } from './api.js';
import { Call } from './call/call.js';
import * as credentials from './credentials.js';
import { h, show } from './dom.js';
import { LocalMedia } from './media.js';
import { onLeave } from './router.js';
import { showMediaProblem, showScreen } from './screens.js';

/** 409 reasons of meeting-service → screens. */
const CONFLICT_SCREENS = { full: 'full', locked: 'locked', ended: 'ended' };

/** Refusals of a meeting that is only for an organization or invited accounts (PEOPLE.md §3) → screens. */
function accessScreen(error) {
  if (error.status === 401 && error.reason === 'sign-in-required') {
    return 'sign-in-required';
  }
  return error.status === 403 && error.reason === 'not-invited' ? 'not-invited' : null;
}

export function renderMeeting(root, meetingRef) {
  const session = new MeetingSession(root, meetingRef);
  onLeave(() => session.abandon());
  session.begin();
}

class MeetingSession {
  constructor(root, meetingRef) {
    this.root = root;
    this.ref = meetingRef;
    this.call = null;
    this.abandoned = false;
  }

  loading(text) {
    show(this.root, h('section', { className: 'screen', 'data-screen': 'loading' }, h('p', { className: 'loading' }, text)));
  }

  async begin() {
    this.loading('Looking up the meeting…');
    let meeting;
    try {
      meeting = await api.getMeeting(this.ref);
    } catch (error) {
      if (error.status === 404) {
        credentials.forget(this.ref);
        showScreen(this.root, 'not-found');
      } else {
        showScreen(this.root, 'error', { detail: error.detail, onRetry: () => this.begin() });
      }
      return;
    }
    if (this.abandoned) {
      return;
    }
    this.meeting = meeting;
    document.title = `${meeting.title || 'Meeting'} · Parley`;
    if (meeting.state === 'ended') {
      credentials.forget(this.ref, meeting.meetingId);
      showScreen(this.root, 'ended');
      return;
    }
    this.credentials = credentials.load(this.ref) || credentials.load(meeting.meetingId);
    if (this.credentials) {
      this.startMedia();
    } else {
      this.askForName();
    }
  }

  askForName() {
    const meeting = this.meeting;
    const name = h('input', { id: 'participant-name', name: 'name', required: true, maxLength: 64, autocomplete: 'name' });
    const account = accountSession.currentAccount();
    if (account) {
      // the server names a signed-in person by their account's display name
      name.value = account.displayName;
      name.setAttribute('aria-describedby', 'participant-name-hint');
    }
    const status = h('p', { className: 'form-status', role: 'status', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', className: 'primary', id: 'join-meeting' }, 'Join');
    const form = h('form', { id: 'join-form', className: 'card', 'aria-labelledby': 'join-heading' },
      h('h1', { id: 'join-heading' }, `Join ${meeting.title || 'the meeting'}`),
      meeting.state === 'locked' ? h('p', { className: 'notice' }, 'The host has locked this meeting.') : null,
      h('label', { for: 'participant-name' }, 'Your name'),
      name,
      account ? h('p', { id: 'participant-name-hint', className: 'hint' },
        'You are signed in: you join with your display name.') : null,
      submit,
      status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const typed = name.value.trim();
      if (!typed) {
        status.textContent = 'Please enter your name.';
        name.focus();
        return;
      }
      submit.disabled = true;
      status.textContent = 'Joining…';
      try {
        const answer = await api.join(this.ref, typed);
        this.credentials = credentials.fromAnswer(answer, typed, { nameFromToken: accountSession.isSignedIn() });
        credentials.save(this.credentials, this.ref);
        this.startMedia();
      } catch (error) {
        if (error.status === 409) {
          showScreen(this.root, CONFLICT_SCREENS[error.reason] || 'locked', { detail: error.detail });
        } else if (accessScreen(error)) {
          showScreen(this.root, accessScreen(error), { detail: error.detail });
        } else if (error.status === 404) {
          showScreen(this.root, 'not-found');
        } else {
          status.textContent = `Could not join: ${error.detail}`;
          submit.disabled = false;
        }
      }
    });
    show(this.root, h('div', { className: 'join' }, form));
    (account ? submit : name).focus();
  }

  async startMedia() {
    this.loading('Starting your camera and microphone…');
    const { media, error, detail } = await LocalMedia.acquire();
    if (this.abandoned) {
      media?.stop();
      return;
    }
    if (error) {
      showMediaProblem(this.root, {
        error,
        detail,
        onJoinWithout: () => this.startCall(LocalMedia.none()),
        onRetry: () => this.startMedia(),
      });
      return;
    }
    this.startCall(media);
  }

  startCall(media) {
    this.call = new Call(this.root, {
      meetingRef: this.ref,
      meeting: this.meeting,
      credentials: this.credentials,
      media,
      onEnded: (kind) => this.ended(kind),
    });
    this.call.start();
  }

  /** The call is over (its resources are released); show why, with the way back where there is one. */
  ended(kind) {
    this.call = null;
    const meetingId = this.credentials.meetingId;
    const retry = () => this.startMedia();
    switch (kind) {
      case 'ended':
      case 'removed':
        credentials.forget(this.ref, meetingId);
        showScreen(this.root, kind);
        break;
      case 'bad-token':
        credentials.forget(this.ref, meetingId);
        showScreen(this.root, kind, { onRejoin: () => this.begin() });
        break;
      case 'not-found':
        credentials.forget(this.ref, meetingId);
        showScreen(this.root, kind);
        break;
      case 'left':
        showScreen(this.root, kind, { onRetry: retry, meetingRef: meetingId, qualityLink: true });
        break;
      default:
        showScreen(this.root, kind, { onRetry: retry, meetingRef: meetingId });
    }
  }

  /** The user went to another view of the app: hang up without a screen. */
  abandon() {
    this.abandoned = true;
    this.call?.hangUp({ silent: true });
  }
}
