// The video grid: one tile per participant, the own preview first, the others in the order they came.
import { h } from '../dom.js';
import { micIcon } from './mic-icon.js';

/** One participant's video with name and state; the own preview is muted and mirrored. */
class Tile {
  constructor(participantId, self, onSoundBlocked) {
    this.self = self;
    this.onSoundBlocked = onSoundBlocked;
    this.video = h('video', { autoplay: true, playsInline: true, muted: self });
    this.name = h('figcaption', { className: 'tile-name' });
    this.placeholder = h('div', { className: 'tile-placeholder', 'aria-hidden': 'true' });
    this.note = h('p', { className: 'tile-note' });
    this.cameraOn = true;
    this.label = null;
    this.withheld = null;
    this.element = h('figure', { className: `tile${self ? ' self' : ''}`, 'data-participant-id': participantId,
      'data-connection-state': self ? 'local' : 'new', 'data-video': 'on' },
    this.video, this.placeholder, this.note, this.name);
  }

  attach(stream) {
    if (this.video.srcObject !== stream) {
      this.video.srcObject = stream;
    }
    this.play();
  }

  play() {
    this.video.play().catch((error) => {
      if (error.name === 'NotAllowedError' && !this.video.muted) {
        // the browser's autoplay policy wants a click first: play muted now, offer "Turn on sound"
        this.video.muted = true;
        this.video.play().catch(() => {});
        this.onSoundBlocked();
      }
    });
  }

  unmute() {
    if (!this.self) {
      this.video.muted = false;
      this.play();
    }
  }

  update(person) {
    const name = person.name || 'Guest';
    this.name.textContent = this.self ? `${name} (you)` : name;
    this.name.prepend(micIcon(person.audio !== false));
    this.cameraOn = person.video !== false;
    this.label = `${name}${person.audio === false ? ', muted' : ''}`;
    this.placeholder.textContent = name.slice(0, 1).toUpperCase();
    this.showVideo();
  }

  setConnectionState(state) {
    this.element.dataset.connectionState = state;
  }

  /** reason: why the SFU holds this camera back (the tile then shows the initial and says so); null: it does not. */
  withhold(reason) {
    this.withheld = reason;
    this.showVideo();
  }

  /** data-video: on, off (the camera is off) or withheld (on, but not sent here); a camera that is off says nothing. */
  showVideo() {
    const state = !this.cameraOn ? 'off' : this.withheld ? 'withheld' : 'on';
    this.element.dataset.video = state;
    this.note.textContent = state === 'withheld' ? this.withheld : '';
    if (this.label !== null) {
      this.element.setAttribute('aria-label', state === 'withheld' ? `${this.label}, ${this.withheld}` : this.label);
    }
  }

  detach() {
    this.video.srcObject = null;
  }
}

export class TileGrid {
  constructor({ selfId, onSoundBlocked }) {
    this.selfId = selfId;
    this.onSoundBlocked = onSoundBlocked;
    this.tiles = new Map();
    this.decorators = [];
    this.element = h('div', { id: 'video-grid', className: 'video-grid', 'data-count': '1' });
  }

  /** The participant's tile, made on first use; person (when given) refreshes its name and state. */
  tile(participantId, person) {
    let tile = this.tiles.get(participantId);
    if (!tile) {
      tile = new Tile(participantId, participantId === this.selfId, this.onSoundBlocked);
      this.tiles.set(participantId, tile);
      if (participantId === this.selfId) {
        this.element.prepend(tile.element);
      } else {
        this.element.append(tile.element);
      }
      this.element.dataset.count = String(this.tiles.size);
      this.decorators.forEach((decorate) => decorate(participantId, tile.element));
    }
    if (person) {
      tile.update(person);
    }
    return tile;
  }

  /** decorate(participantId, tileElement): a feature adds its part to every tile, those there and those to come. */
  addDecorator(decorate) {
    this.decorators.push(decorate);
    this.tiles.forEach((tile, participantId) => decorate(participantId, tile.element));
  }

  /** Called only for a tile that exists: a late connection-state change must not bring a departed tile back. */
  setConnectionState(participantId, state) {
    this.tiles.get(participantId)?.setConnectionState(state);
  }

  /** reason: the text a withheld video's tile shows, or null when it comes again (see Tile.withhold). */
  withhold(participantId, reason) {
    this.tiles.get(participantId)?.withhold(reason);
  }

  remove(participantId) {
    const tile = this.tiles.get(participantId);
    if (tile) {
      tile.element.remove();
      this.tiles.delete(participantId);
      this.element.dataset.count = String(this.tiles.size);
    }
  }

  unmuteAll() {
    for (const tile of this.tiles.values()) {
      tile.unmute();
    }
  }

  detachAll() {
    for (const tile of this.tiles.values()) {
      tile.detach();
    }
  }
}
