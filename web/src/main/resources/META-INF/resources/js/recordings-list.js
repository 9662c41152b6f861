// A list of recordings (state, date, length) with a player and deletion, shared by "My meetings" (the account's
// recordings) and a meeting's recordings page (the host's join token). While a recording is still being recorded
// or processed the list looks again every few seconds, so "Play" appears once it is ready.
import { formatDateTime, h } from './dom.js';
import { formError } from './forms.js';
import { durationText, isSettled, recordingList, stateLabel } from './recording-logic.js';
import { RecordingPlayer } from './recording-player.js';

const POLL_MS = 5000;

export class RecordingsList {
  /**
   * load() resolves to the service's answer; fetchFile(recording) to a Blob; remove(recording) deletes it;
   * alive() tells whether the page is still on screen (polling stops, the player lets go of its copy).
   */
  constructor({ load, fetchFile, remove, alive, emptyText = 'No recordings yet.' }) {
    this.load = load;
    this.remove = remove;
    this.alive = alive;
    this.timer = null;
    this.player = new RecordingPlayer({ fetchFile });
    this.list = h('ul', { id: 'recordings-list', className: 'item-list', 'aria-labelledby': 'recordings-title' });
    this.empty = h('p', { id: 'recordings-empty', hidden: true }, emptyText);
    const messages = h('div', { className: 'form-messages' });
    this.problem = formError('recordings-error', messages);
    this.dialog = this.renderDialog();
    this.element = h('section', { className: 'card recordings', id: 'recordings', 'aria-labelledby': 'recordings-title' },
      h('h2', { id: 'recordings-title' }, 'Recordings'),
      this.list, this.empty, messages, this.player.element, this.dialog);
  }

  async refresh() {
    clearTimeout(this.timer);
    let recordings;
    try {
      recordings = recordingList(await this.load());
    } catch (error) {
      if (this.alive()) {
        this.showError(error);
      }
      return;
    }
    if (!this.alive()) {
      this.player.release();
      return;
    }
    this.problem.clear();
    this.show(recordings);
    if (recordings.some((recording) => !isSettled(recording.state))) {
      this.timer = setTimeout(() => this.refresh(), POLL_MS);
    }
  }

  showError(error) {
    this.problem.set(error.status === 403
      ? 'Only the host and the owners and admins of the meeting\'s organization can see its recordings.'
      : `The recordings could not be loaded: ${error.detail || error.message}`);
  }

  /** Rows that did not change stay as they are, so focus and reading position survive a refresh. */
  show(recordings) {
    const existing = new Map([...this.list.children].map((row) => [row.dataset.recordingId, row]));
    const rows = recordings.map((recording) => {
      const old = existing.get(recording.recordingId);
      const key = `${recording.state}|${recording.durationSeconds}`;
      return old && old.dataset.key === key ? old : this.row(recording, key);
    });
    this.list.replaceChildren(...rows);
    this.empty.hidden = rows.length > 0;
  }

  row(recording, key) {
    const when = formatDateTime(recording.startedAt);
    const duration = durationText(recording.durationSeconds);
    const title = recording.meetingTitle || recording.title;
    const name = `the recording of ${when || 'a meeting'}`;
    const actions = h('div', { className: 'item-actions' });
    if (recording.state === 'ready') {
      actions.append(h('button', { type: 'button', className: 'small primary recording-play',
        'aria-label': `Play ${name}`, onclick: () => this.player.play(recording) }, 'Play'));
    }
    if (this.remove && recording.state !== 'recording') {
      actions.append(h('button', { type: 'button', className: 'small secondary recording-delete',
        'aria-label': `Delete ${name}`, onclick: () => this.confirmDelete(recording) }, 'Delete'));
    }
    return h('li', { className: 'item recording', 'data-recording-id': recording.recordingId,
      'data-state': recording.state || '', 'data-key': key },
    h('div', { className: 'item-main' },
      h('span', { className: 'item-title recording-title' },
        typeof title === 'string' && title.trim() ? title.trim() : 'Meeting recording'),
      h('span', { className: 'badge recording-state' }, stateLabel(recording.state)),
      h('span', { className: 'item-detail' },
        h('time', { className: 'recording-when', dateTime: recording.startedAt || '' }, when),
        duration ? h('span', { className: 'recording-duration' }, ` · ${duration}`) : null),
      recording.state === 'failed' && typeof recording.reason === 'string'
        ? h('span', { className: 'item-detail recording-reason' }, recording.reason) : null),
    actions);
  }

  renderDialog() {
    const dialog = h('dialog', { id: 'recording-delete-dialog', 'aria-labelledby': 'recording-delete-title' });
    const messages = h('div', { className: 'form-messages' });
    this.deleteProblem = formError('recording-delete-error', messages);
    this.deleteConfirm = h('button', { type: 'button', id: 'recording-delete-confirm', className: 'danger' },
      'Delete recording');
    dialog.append(
      h('h2', { id: 'recording-delete-title' }, 'Delete this recording?'),
      h('p', {}, 'The video and every participant\'s file are removed for good.'),
      messages,
      h('div', { className: 'actions' },
        h('button', { type: 'button', id: 'recording-delete-cancel', className: 'secondary',
          onclick: () => dialog.close() }, 'Cancel'),
        this.deleteConfirm));
    return dialog;
  }

  confirmDelete(recording) {
    this.deleteProblem.clear();
    this.deleteConfirm.disabled = false;
    this.deleteConfirm.onclick = async () => {
      this.deleteConfirm.disabled = true;
      try {
        await this.remove(recording);
      } catch (error) {
        this.deleteProblem.set(error.detail || error.message);
        this.deleteConfirm.disabled = false;
        return;
      }
      this.dialog.close();
      if (this.player.element.dataset.recordingId === recording.recordingId) {
        this.player.release();
        this.player.element.hidden = true;
      }
      this.refresh();
    };
    this.dialog.showModal();
  }
}
