// Camera videos the stream limit holds back on the SFU (`sfu-videos`, docs/web-client.md "Who gets video"): their
// tiles show the person's initial and say why (data-video="withheld"), and the call bar says how many videos the
// limit allows. Only video is limited: everyone is still heard.
import { h } from '../dom.js';
import { Incoming } from './messages.js';
import { limitNotice, videoLimits } from './video-priority.js';

export const WITHHELD_TEXT = 'Video paused — stream limit';

export class VideoLimit {
  constructor({ grid }) {
    this.grid = grid;
    this.withheld = new Set();
    this.element = h('p', { id: 'video-limit-status', className: 'connection-status', role: 'status', hidden: true });
    // a tile made after the message (someone whose join arrives later) is marked too
    grid.addDecorator((participantId) => {
      if (this.withheld.has(participantId)) {
        grid.withhold(participantId, WITHHELD_TEXT);
      }
    });
  }

  messages() {
    return { [Incoming.SFU_VIDEOS]: (message) => this.show(videoLimits(message)) };
  }

  show({ limit, withheld }) {
    const next = new Set(withheld);
    for (const participantId of this.withheld) {
      if (!next.has(participantId)) {
        this.grid.withhold(participantId, null);
      }
    }
    for (const participantId of next) {
      this.grid.withhold(participantId, WITHHELD_TEXT);
    }
    this.withheld = next;
    const text = limitNotice({ limit, withheld });
    this.element.textContent = text;
    this.element.hidden = !text;
    this.element.dataset.limit = limit === null ? 'none' : String(limit);
  }

  /** The meeting left the SFU: a mesh sends everyone's video. */
  clear() {
    this.show({ limit: null, withheld: [] });
  }
}
