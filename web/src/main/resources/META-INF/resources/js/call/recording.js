// Recording in the call (docs/web-client.md, "Recording"): the indicator on every screen, the host's toggle, a
// dismissable notice for whoever is in the meeting when a recording starts (their media goes on, as on other
// platforms), and for someone who finds a recording running on joining without having been told (the pre-join
// screen could not know yet) camera and microphone off and the consent dialog before anything of them is sent:
// this feature's `welcome` handler must be registered before the call's own, which starts publishing.
import { h, toast } from '../dom.js';
import { consentPanel, rememberTold, toldOf } from '../recording-consent.js';
import { recordingOf, stopText, welcomeAction } from '../recording-logic.js';
import { Incoming } from './messages.js';
import { RecordingIndicator } from './recording-indicator.js';
import { RecordToggle } from './record-toggle.js';

export class Recording {
  /** onMediaChanged(): microphone or camera were switched here; onLeave(): the person chose to leave. */
  constructor({ credentials, media, onMediaChanged, onLeave }) {
    this.meetingId = credentials.meetingId;
    this.isHost = credentials.role === 'host';
    this.media = media;
    this.onMediaChanged = onMediaChanged;
    this.onLeave = onLeave;
    this.welcomed = false;
    this.dialog = null;
    this.indicator = new RecordingIndicator();
    this.toggle = this.isHost ? new RecordToggle({ meetingId: this.meetingId, token: credentials.token }) : null;
    this.noticeText = h('span', {});
    this.notice = h('div', { id: 'recording-notice', className: 'notice recording-notice', hidden: true },
      this.noticeText,
      h('button', { type: 'button', id: 'recording-notice-dismiss', className: 'small secondary',
        onclick: () => this.dismiss() }, 'Dismiss'));
    this.element = h('div', { className: 'recording-area' }, this.indicator.element, this.notice,
      this.indicator.announcer);
  }

  messages() {
    return {
      [Incoming.WELCOME]: ({ meeting }) => this.welcome(recordingOf(meeting)),
      [Incoming.RECORDING]: (message) => (message.active ? this.started(message) : this.ended(message)),
    };
  }

  welcome(recording) {
    const action = welcomeAction({ recording, acknowledgedId: toldOf(this.meetingId), firstWelcome: !this.welcomed });
    this.welcomed = true;
    if (action === 'ask') {
      this.ask(recording);
    } else if (action === 'notice') {
      this.tell(recording);
    }
    if (recording) {
      this.indicator.show(recording);
      this.toggle?.setActive(true);
    } else if (this.indicator.active) {
      this.ended({}); // it stopped while the socket was away
    }
  }

  started(recording) {
    if (!this.dialog && toldOf(this.meetingId) !== recording.recordingId) {
      this.tell(recording);
    }
    this.indicator.show(recording);
    this.toggle?.setActive(true);
  }

  ended({ reason }) {
    const text = stopText(reason);
    const was = this.indicator.active;
    this.indicator.hide(text);
    this.closeDialog();
    this.notice.hidden = true;
    this.toggle?.stopped();
    if (was) {
      toast(text);
    }
  }

  /** Someone in the meeting learns of a recording: a notice to dismiss, the media untouched. */
  tell({ recordingId }) {
    rememberTold(this.meetingId, recordingId);
    this.noticeText.textContent = this.isHost ? 'You are recording this meeting. Everyone in it is told so.'
      : 'The host started recording this meeting. Everything you say and show from now on is in the recording.';
    this.notice.hidden = false;
  }

  dismiss() {
    this.notice.hidden = true;
    document.getElementById('toggle-mic')?.focus();
  }

  /** Joined into a running recording untold: media off at once, then the choice. */
  ask({ recordingId }) {
    const before = this.media.state();
    this.setMedia({ audio: false, video: false });
    const decided = () => {
      rememberTold(this.meetingId, recordingId);
      this.closeDialog();
    };
    this.dialog = consentPanel({
      where: 'call',
      onJoinOff: decided,
      onJoin: () => {
        decided();
        this.setMedia(before);
      },
      onLeave: () => {
        decided();
        this.onLeave();
      },
    });
    this.element.append(this.dialog);
    this.dialog.showModal();
  }

  setMedia({ audio, video }) {
    this.media.setEnabled('audio', audio);
    this.media.setEnabled('video', video);
    this.onMediaChanged();
  }

  closeDialog() {
    if (this.dialog) {
      this.dialog.close();
      this.dialog.remove();
      this.dialog = null;
    }
  }

  stop() {
    this.indicator.stop();
    this.closeDialog();
  }
}
