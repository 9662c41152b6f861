// /m/{meeting}: find the meeting; unless this tab already joined it, the pre-join screen (name, camera, microphone);
// else camera and microphone as chosen last time; then hand over to the Call. Every way this can fail ends on its
// own screen (screens.js).
import * as accountSession from './account-session.js';
import { api } from './api.js';
import { Call } from './call/call.js';
import * as credentials from './credentials.js';
import { loadChoices } from './devices.js';
import { h, show } from './dom.js';
import { LocalMedia } from './media.js';
import { Prejoin } from './prejoin.js';
import { consentPanel, rememberTold, toldOf } from './recording-consent.js';
import { recordingOf } from './recording-logic.js';
import { navigate, onLeave } from './router.js';
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
    if (this.credentials?.prejoin) {
      this.chooseMediaAsHost();
    } else if (this.credentials) {
      this.startOrAsk();
    } else {
      this.askForName();
    }
  }

  /** The host who just created the meeting: the same pre-join screen, with the name they started it with. */
  chooseMediaAsHost() {
    this.prejoin = new Prejoin(this.root, { meeting: this.meeting, account: accountSession.currentAccount(),
      hostName: this.credentials.name, onJoin: () => this.enterAsHost() });
    this.prejoin.show();
  }

  async enterAsHost() {
    const { prejoin, ...joined } = this.credentials;
    this.credentials = joined;
    credentials.save(joined, this.ref);
    const acquired = await this.prejoin.take();
    this.prejoin = null;
    this.withMedia(acquired);
    return null;
  }

  /** The pre-join screen (prejoin.js) with the name; "Join" comes back to joinAs. */
  askForName() {
    this.prejoin = new Prejoin(this.root, { meeting: this.meeting, account: accountSession.currentAccount(),
      onJoin: (name) => this.joinAs(name) });
    this.prejoin.show();
  }

  /** Resolves to a problem text for the pre-join screen, or to nothing once it moved on to another screen. */
  async joinAs(typed) {
    try {
      const answer = await api.join(this.ref, typed);
      this.credentials = credentials.fromAnswer(answer, typed, { nameFromToken: accountSession.isSignedIn() });
      credentials.save(this.credentials, this.ref);
    } catch (error) {
      if (error.status === 409) {
        this.prejoin.release();
        showScreen(this.root, CONFLICT_SCREENS[error.reason] || 'locked', { detail: error.detail });
      } else if (accessScreen(error)) {
        this.prejoin.release();
        showScreen(this.root, accessScreen(error), { detail: error.detail });
      } else if (error.status === 404) {
        this.prejoin.release();
        showScreen(this.root, 'not-found');
      } else {
        return `Could not join: ${error.detail}`;
      }
      return null;
    }
    const acquired = await this.prejoin.take();
    this.prejoin = null;
    this.withMedia(acquired);
    return null;
  }

  /** A reload into a recording this tab was not told of: the notice and its choices before the camera opens. */
  startOrAsk() {
    const recording = recordingOf(this.meeting);
    if (!recording || toldOf(this.meeting.meetingId) === recording.recordingId) {
      this.startMedia();
      return;
    }
    const join = (options) => {
      rememberTold(this.meeting.meetingId, recording.recordingId);
      this.startMedia(options);
    };
    show(this.root, h('section', { className: 'screen', 'data-screen': 'recording-consent',
      'aria-labelledby': 'screen-title' }, h('h1', { id: 'screen-title' }, `Join ${this.meeting.title || 'the meeting'}`),
    consentPanel({ onJoinOff: () => join({ off: true }), onJoin: () => join(), onLeave: () => navigate('/') })));
  }

  /** `off`: camera and microphone off for this call only (the remembered choices stay). */
  async startMedia({ off = false } = {}) {
    this.loading('Starting your camera and microphone…');
    const choices = loadChoices();
    const acquired = await LocalMedia.acquire(choices);
    acquired.media?.setEnabled('audio', choices.audio && !off);
    acquired.media?.setEnabled('video', choices.video && !off);
    this.withMedia(acquired);
  }

  withMedia({ media, error, detail }) {
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
    this.prejoin?.release();
    this.call?.hangUp({ silent: true });
  }
}
