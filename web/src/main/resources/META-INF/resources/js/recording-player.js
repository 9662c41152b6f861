// Plays one recording in the page: `<video id="recording-player" controls>`. The file needs an Authorization header,
// which a <video> cannot send, so it is fetched whole into a Blob and played from a blob: URL (the CSP allows
// media-src blob:); seeking then works within that copy. Fine for meeting-length files; see "Limits" in
// docs/web-client.md.
import { formatDateTime, h } from './dom.js';

export class RecordingPlayer {
  /** fetchFile(recording) resolves to the file as a Blob. */
  constructor({ fetchFile }) {
    this.fetchFile = fetchFile;
    this.url = null;
    this.loading = 0;
    this.title = h('h2', { id: 'recording-player-title' }, 'Recording');
    this.video = h('video', { id: 'recording-player', controls: true, preload: 'metadata', playsInline: true,
      'aria-labelledby': 'recording-player-title' });
    this.status = h('p', { id: 'recording-player-status', className: 'form-status', role: 'status' });
    this.download = h('a', { id: 'recording-download', className: 'button small secondary', hidden: true },
      'Download');
    this.element = h('section', { id: 'recording-player-section', className: 'card recording-player', hidden: true,
      'aria-labelledby': 'recording-player-title' },
    this.title, this.video, h('div', { className: 'actions' }, this.download), this.status);
  }

  async play(recording) {
    const attempt = ++this.loading;
    this.element.hidden = false;
    this.element.dataset.recordingId = recording.recordingId;
    this.title.textContent = `Recording of ${formatDateTime(recording.startedAt) || 'the meeting'}`;
    this.status.textContent = 'Loading the recording…';
    this.download.hidden = true;
    this.release();
    let blob;
    try {
      blob = await this.fetchFile(recording);
    } catch (error) {
      if (attempt === this.loading) {
        this.status.textContent = `The recording could not be loaded: ${error.detail || error.message}`;
      }
      return;
    }
    if (attempt !== this.loading) {
      return; // another recording was chosen meanwhile
    }
    this.url = URL.createObjectURL(blob);
    this.video.src = this.url;
    this.download.href = this.url;
    this.download.download = `parley-recording-${recording.recordingId}.webm`;
    this.download.hidden = false;
    this.status.textContent = '';
    this.video.focus();
    this.video.play().catch(() => {}); // without a click on this page the browser may refuse: the controls remain
  }

  /** The copy in memory goes; the element stays. */
  release() {
    if (this.url) {
      this.video.removeAttribute('src');
      this.video.load();
      URL.revokeObjectURL(this.url);
      this.url = null;
    }
  }
}
