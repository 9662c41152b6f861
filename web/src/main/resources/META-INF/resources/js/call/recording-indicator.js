// The red "Recording" badge in the call bar with the time since the recording started, on every participant's
// screen while a recording runs, and a live region that tells screen readers when one starts or stops (the badge's
// ticking clock is not announced: a second-by-second reading would drown everything else).
import { h } from '../dom.js';
import { elapsedSeconds, formatElapsed } from '../recording-logic.js';

export class RecordingIndicator {
  constructor() {
    this.recordingId = null;
    this.ticker = null;
    this.elapsed = h('span', { className: 'recording-elapsed' });
    this.element = h('p', { id: 'recording-indicator', className: 'recording-indicator', hidden: true,
      'data-state': 'idle' },
    h('span', { className: 'recording-dot', 'aria-hidden': 'true' }),
    h('span', { className: 'recording-label' }, 'Recording'),
    this.elapsed);
    this.announcer = h('p', { id: 'recording-announcer', className: 'visually-hidden', role: 'status',
      'aria-live': 'polite' });
  }

  /** {recordingId, startedAt}: shows (or keeps showing) the badge, counting from the server's start time. */
  show({ recordingId, startedAt }) {
    if (this.recordingId === recordingId) {
      return;
    }
    this.stop();
    this.recordingId = recordingId;
    const receivedAt = Date.now();
    const tick = () => {
      this.elapsed.textContent = formatElapsed(elapsedSeconds(startedAt, Date.now(), receivedAt));
    };
    tick();
    this.ticker = setInterval(tick, 1000);
    this.element.dataset.state = 'recording';
    this.element.dataset.recordingId = recordingId;
    this.element.hidden = false;
    this.announce('This meeting is being recorded.');
  }

  /** The recording stopped: the badge goes, `text` is announced. */
  hide(text) {
    const was = this.recordingId !== null;
    this.stop();
    this.recordingId = null;
    this.element.hidden = true;
    this.element.dataset.state = 'idle';
    delete this.element.dataset.recordingId;
    if (was && text) {
      this.announce(text);
    }
  }

  get active() {
    return this.recordingId !== null;
  }

  announce(text) {
    this.announcer.textContent = text;
  }

  stop() {
    clearInterval(this.ticker);
    this.ticker = null;
  }
}
