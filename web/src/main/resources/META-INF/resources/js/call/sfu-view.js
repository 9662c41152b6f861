// What this person wants to see on the SFU (`sfu-view`, docs/web-client.md "Who gets video"): whose camera video
// matters most and in which simulcast layer, from the speaker view's samples, the tiles and their quality. The
// server sends the videos the stream leases allow in this order, so the video follows the speaker by itself. The
// order is video-priority.js's; this sends it once the subscription is up, then whenever it changes, at most every
// VIEW_DEBOUNCE_MS.
import { Outgoing } from './messages.js';
import { rememberSpeakers, sameView, subscriptionPoor, videoPriority, VIEW_DEBOUNCE_MS } from './video-priority.js';

export class SfuView {
  /** sfu: the SFU session (sfu.js); grid: the tiles; send(message): onto the socket. */
  constructor({ sfu, grid, send }) {
    this.sfu = sfu;
    this.grid = grid;
    this.send = send;
    this.recent = [];
    this.active = null;
    this.sent = null;
    this.connectedPc = null;
    this.timer = null;
  }

  /** Every sample of the speaker view, a few times a second: {speaking: [ids], active: id or null}. */
  update(speakers) {
    this.recent = rememberSpeakers(this.recent, speakers);
    this.active = speakers?.active ?? null;
    if (!this.ready()) {
      return;
    }
    const view = this.view();
    if (this.sent === null) {
      this.deliver(view);
    } else if (sameView(view, this.sent)) {
      this.cancel();
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.ready()) {
          const latest = this.view();
          if (!sameView(latest, this.sent)) {
            this.deliver(latest);
          }
        }
      }, VIEW_DEBOUNCE_MS);
    }
  }

  /**
   * Whether the server can use a view now: in SFU mode, once the subscribing connection was connected. A new
   * connection (a reconnect, a new subscription on the server) gets the view again as soon as it is up.
   */
  ready() {
    const pc = this.sfu.active ? this.sfu.subscriber?.pc : null;
    if (!pc) {
      this.cancel();
      return false;
    }
    if (pc !== this.connectedPc) {
      if (pc.connectionState !== 'connected') {
        return false;
      }
      this.connectedPc = pc;
      this.sent = null;
    }
    return true;
  }

  view() {
    const tiles = [...this.grid.tiles.keys()];
    const levels = tiles.filter((id) => id !== this.grid.selfId)
      .map((id) => this.grid.tiles.get(id).element.dataset.quality);
    return videoPriority({ selfId: this.grid.selfId, tiles, active: this.active, recent: this.recent,
      speakerView: this.grid.element.dataset.speakerView === 'on', poor: subscriptionPoor(levels) });
  }

  deliver(videos) {
    this.cancel();
    this.sent = videos;
    this.send({ type: Outgoing.SFU_VIEW, videos });
  }

  cancel() {
    clearTimeout(this.timer);
    this.timer = null;
  }
}
