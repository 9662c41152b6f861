// The host's controls: mute everyone, lock, end for everyone (with a confirmation), the server's timer presets.
// Shown only to the host; meeting-service checks the host's token on every one of these calls.
import { api } from '../api.js';
import { h, toast } from '../dom.js';
import { Incoming } from './messages.js';
import { presetLabel } from './timer.js';

export class HostPanel {
  /** extras: elements of other host features (the record toggle) shown with these controls. */
  constructor({ meeting, credentials, extras = [] }) {
    this.meeting = meeting;
    this.extras = extras;
    this.meetingId = credentials.meetingId;
    this.token = credentials.token;
    this.element = this.render();
  }

  messages() {
    return {
      [Incoming.WELCOME]: ({ meeting }) => {
        if (meeting?.state === 'locked') {
          this.showLocked();
        }
      },
    };
  }

  /** Disables the button while the call runs; a failure says which action failed and why. */
  action(button, call, done) {
    return async () => {
      button.disabled = true;
      try {
        await call();
        if (done) {
          done();
        }
      } catch (error) {
        toast(`${button.textContent.trim()} failed: ${error.detail || error.message}`, { kind: 'error' });
      } finally {
        button.disabled = button.dataset.keepDisabled === 'true';
      }
    };
  }

  render() {
    const { meetingId, token } = this;
    const muteAll = h('button', { type: 'button', id: 'mute-all', className: 'secondary' }, 'Mute everyone');
    muteAll.onclick = this.action(muteAll, () => api.muteAll(meetingId, token), () => toast('Everyone else was muted.'));
    // the presets are the server's configuration (GET /api/meetings/{id}): a button for each, none of our own
    const timers = (this.meeting.timerPresets || []).map(({ preset, seconds }) => {
      const button = h('button', { type: 'button', className: 'secondary timer-preset', 'data-preset': preset,
        'aria-label': `Start a ${presetLabel(seconds)} timer` }, presetLabel(seconds));
      button.onclick = this.action(button, () => api.timer(meetingId, preset, token));
      return button;
    });
    this.lockButton = h('button', { type: 'button', id: 'lock-meeting', className: 'secondary' }, 'Lock meeting');
    this.lockButton.onclick = this.action(this.lockButton, () => api.lock(meetingId, token), () => this.showLocked());
    return h('section', { className: 'panel host', id: 'host-panel', 'aria-labelledby': 'host-heading' },
      h('h2', { id: 'host-heading' }, 'Host controls'),
      h('div', { className: 'host-actions' }, muteAll, this.lockButton, this.renderEnd()),
      this.extras,
      timers.length ? h('div', { className: 'timer-presets', role: 'group', 'aria-label': 'Timer' },
        h('span', {}, 'Timer'), timers) : null,
      this.endDialog);
  }

  /** "End meeting" and its confirmation dialog (this.endDialog). */
  renderEnd() {
    const dialog = h('dialog', { id: 'end-dialog', 'aria-labelledby': 'end-dialog-title' });
    this.endDialog = dialog;
    const confirm = h('button', { type: 'button', id: 'confirm-end', className: 'danger' }, 'End for everyone');
    confirm.onclick = this.action(confirm, () => api.end(this.meetingId, this.token), () => dialog.close());
    dialog.append(
      h('h2', { id: 'end-dialog-title' }, 'End the meeting for everyone?'),
      h('p', {}, 'Everyone is disconnected and the meeting link stops working.'),
      h('div', { className: 'actions' },
        h('button', { type: 'button', id: 'cancel-end', className: 'secondary', onclick: () => dialog.close() }, 'Cancel'),
        confirm));
    return h('button', { type: 'button', id: 'end-meeting', className: 'danger', onclick: () => dialog.showModal() },
      'End meeting');
  }

  showLocked() {
    this.lockButton.textContent = 'Meeting locked';
    this.lockButton.dataset.keepDisabled = 'true';
    this.lockButton.disabled = true;
  }
}
