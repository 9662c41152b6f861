// Active speaker: the tile of whoever speaks gets data-speaking (a highlight), and the one the speaker layout follows
// data-active-speaker (shown large when there are three or more tiles and "Speaker view" is on). Levels come from
// getStats of the audio alone — inbound-rtp of each peer's audio receiver, media-source of the own microphone — as
// energy over the time between two readings, so a short word between two samples is not missed.
import { h } from '../dom.js';
import { levelBetween, SpeakerTracker } from './speaking.js';

/** Often enough for the highlight to follow a conversation, rarely enough to cost nothing noticeable. */
const SAMPLE_MS = 400;

export class SpeakerView {
  /**
   * connections(): [{peerId, pc}]; selfId(): the own participant id; microphoneOn(): whether the own mic is on;
   * onSample({speaking, active}) after every sample (what the SFU is asked to send follows it).
   */
  constructor({ grid, connections, selfId, microphoneOn, onSample = () => {} }) {
    this.grid = grid;
    this.onSample = onSample;
    this.connections = connections;
    this.selfId = selfId;
    this.microphoneOn = microphoneOn;
    this.tiles = new Map();
    this.readings = new Map();
    this.tracker = new SpeakerTracker({ followable: (id) => id !== this.selfId() });
    this.element = h('button', { type: 'button', id: 'speaker-view', className: 'small secondary',
      'aria-pressed': 'true', onclick: () => this.setSpeakerView(this.element.getAttribute('aria-pressed') !== 'true') },
    'Speaker view');
    this.grid.addDecorator((participantId, tile) => {
      this.tiles.set(participantId, tile);
      tile.dataset.speaking = 'false';
    });
    this.setSpeakerView(true);
  }

  setSpeakerView(on) {
    this.element.setAttribute('aria-pressed', String(on));
    this.grid.element.dataset.speakerView = on ? 'on' : 'off';
  }

  start() {
    this.timer = setInterval(() => this.sample().catch(() => {}), SAMPLE_MS);
  }

  stop() {
    clearInterval(this.timer);
  }

  async sample() {
    for (const [id, tile] of [...this.tiles]) {
      if (!tile.isConnected) {
        this.tiles.delete(id);
      }
    }
    const levels = Object.fromEntries([...this.tiles.keys()].map((id) => [id, 0]));
    let ownMeasured = false;
    for (const { peerId, pc } of this.connections()) {
      if (pc.connectionState !== 'connected') {
        continue;
      }
      const receiver = pc.getReceivers().find((candidate) => candidate.track?.kind === 'audio');
      if (receiver && peerId in levels) {
        levels[peerId] = await this.level(peerId, receiver, 'inbound-rtp');
      }
      const sender = pc.getSenders().find((candidate) => candidate.track?.kind === 'audio');
      if (!ownMeasured && sender && this.microphoneOn()) {
        levels[this.selfId()] = await this.level('self', sender, 'media-source');
        ownMeasured = true;
      }
    }
    const result = this.tracker.update(levels, performance.now());
    this.show(result);
    this.onSample(result);
  }

  /** The level since the previous reading of this receiver's or sender's audio; 0 when unknown. */
  async level(key, endpoint, type) {
    const stats = await endpoint.getStats();
    const stat = [...stats.values()].find((candidate) => candidate.type === type && candidate.kind === 'audio');
    if (!stat) {
      return 0;
    }
    const reading = { totalAudioEnergy: stat.totalAudioEnergy, totalSamplesDuration: stat.totalSamplesDuration };
    const level = levelBetween(this.readings.get(key), reading);
    this.readings.set(key, reading);
    return level ?? stat.audioLevel ?? 0;
  }

  show({ speaking, active }) {
    for (const [id, tile] of this.tiles) {
      tile.dataset.speaking = String(speaking.includes(id));
      tile.toggleAttribute('data-active-speaker', id === active);
    }
    this.grid.element.toggleAttribute('data-has-speaker', active !== null);
  }
}
