// The host's "Record" / "Stop recording" button (POST / DELETE /api/meetings/{id}/recording with the host's join
// token). The button follows what the server says (the `recording` message, `welcome`), also when the recording
// stopped by itself; after a stop the host gets a link to the meeting's recordings.
import { h, toast } from '../dom.js';
import { recordingsApi } from '../recordings-api.js';

export class RecordToggle {
  constructor({ meetingId, token }) {
    this.meetingId = meetingId;
    this.token = token;
    this.active = false;
    this.button = h('button', { type: 'button', id: 'record-toggle', className: 'secondary record-toggle',
      'data-state': 'idle', onclick: () => this.press() }, 'Record');
    // opened in a new tab with its opener, so the tab's join credentials (sessionStorage) come along
    this.link = h('p', { id: 'recordings-link-note', className: 'hint', hidden: true },
      'The recording is processed now and can be watched once it is ready: ',
      h('a', { id: 'recordings-link', href: `/m/${encodeURIComponent(meetingId)}/recordings`, target: '_blank',
        rel: 'opener' }, 'Recordings of this meeting'));
    this.element = h('div', { className: 'record-control' }, this.button, this.link);
  }

  async press() {
    const starting = !this.active;
    this.button.disabled = true;
    try {
      if (starting) {
        await recordingsApi.start(this.meetingId, this.token);
        this.setActive(true);
      } else {
        await recordingsApi.stop(this.meetingId, this.token);
        this.stopped();
      }
    } catch (error) {
      // a 409 means someone (another tab of the host, the server's own stop) got there first: show how it is
      if (error.status === 409 && error.reason === 'recording') {
        this.setActive(true);
      } else if (error.status === 409 && error.reason === 'not-recording') {
        this.setActive(false);
      }
      toast(`${starting ? 'Record' : 'Stop recording'} failed: ${error.detail || error.message}`, { kind: 'error' });
    } finally {
      this.button.disabled = false;
    }
  }

  setActive(active) {
    this.active = active;
    this.button.dataset.state = active ? 'recording' : 'idle';
    this.button.className = active ? 'danger record-toggle' : 'secondary record-toggle';
    this.button.textContent = active ? 'Stop recording' : 'Record';
  }

  /** A recording of this meeting ended, whoever or whatever stopped it. */
  stopped() {
    this.setActive(false);
    this.link.hidden = false;
  }
}
