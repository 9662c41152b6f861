// Screen sharing. The share (getDisplayMedia) goes to every peer as one more video track, in a MediaStream of its own
// (PeerMesh.setScreen), and the `media` state announces that stream's id as `screen`, so the others can tell it from
// the camera whichever arrives first; on the SFU it is a published stream the server marks as the screen for every
// subscriber (SfuSession.setScreen, showForwarded). Several people may share at once (nobody has to ask for the
// floor); each share is a large tile above the cameras, which shrink to a row of thumbnails meanwhile. The browser's
// own "Stop sharing" ends a share (the track's `ended`), and so does a host (`stop-share`, answered to the sharer
// with `share-stopped`).
import { h, toast } from '../dom.js';
import { Incoming, Outgoing } from './messages.js';

/** Text, slides and code stay legible; a share needs no more frames than this. */
const CAPTURE = { video: { frameRate: { ideal: 15, max: 30 } }, audio: false };

export class ScreenShare {
  /** onChange() after the own share started or stopped (the `media` state then says so). */
  constructor({ mesh, selfId, isHost, send, onChange }) {
    this.mesh = mesh;
    this.selfId = selfId;
    this.isHost = isHost;
    this.send = send;
    this.onChange = onChange;
    this.local = null;
    this.shown = new Map();
    this.supported = Boolean(navigator.mediaDevices?.getDisplayMedia);
    this.button = h('button', { type: 'button', id: 'share-screen', className: 'toggle', 'aria-pressed': 'false',
      hidden: !this.supported, onclick: () => (this.local ? this.stop() : this.start()) });
    this.drawButton();
    this.element = h('div', { id: 'screen-stage', className: 'screen-stage', hidden: true });
  }

  messages() {
    return {
      [Incoming.SHARE_STOPPED]: () => {
        if (this.local) {
          this.stop();
          toast('The host stopped your screen share.');
        }
      },
    };
  }

  /** The stream id the `media` state announces, or null. */
  id() {
    return this.local ? this.local.id : null;
  }

  async start() {
    let stream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia(CAPTURE);
    } catch (error) {
      if (error.name !== 'NotAllowedError' && error.name !== 'AbortError') {
        toast(`The screen could not be shared: ${error.message}`, { kind: 'error' });
      }
      return; // NotAllowedError is the person's own "Cancel"
    }
    const [track] = stream.getVideoTracks();
    track.contentHint = 'detail';
    track.addEventListener('ended', () => this.stop());
    this.local = stream;
    this.mesh.setScreen(stream);
    this.show(this.selfId(), stream, 'Your screen');
    this.drawButton();
    this.onChange();
  }

  stop() {
    if (!this.local) {
      return;
    }
    for (const track of this.local.getTracks()) {
      track.stop();
    }
    this.local = null;
    this.mesh.setScreen(null);
    this.hide(this.selfId());
    this.drawButton();
    this.onChange();
  }

  /** A peer's share as the roster and the mesh know it now: stream is null when they share nothing (yet). */
  showRemote(person, stream) {
    this.showForwarded(person, stream && person?.screen === stream.id ? stream : null);
  }

  /** A peer's share from the SFU, which marks screen streams itself (null: none). */
  showForwarded(person, stream) {
    if (stream) {
      this.show(person.participantId, stream, `${person.name || 'Guest'}'s screen`, person);
    } else {
      this.hide(person?.participantId);
    }
  }

  show(participantId, stream, caption, person = null) {
    let tile = this.shown.get(participantId);
    if (!tile) {
      const video = h('video', { autoplay: true, playsInline: true, muted: true });
      tile = { video, element: h('figure', { className: 'screen-tile', 'data-participant-id': participantId },
        video, h('figcaption', { className: 'tile-name' }, caption)) };
      if (this.isHost && person) {
        tile.element.append(h('button', { type: 'button', className: 'small danger stop-share',
          'aria-label': `Stop ${caption}`, onclick: () => this.stopRemote(participantId) }, 'Stop'));
      }
      this.shown.set(participantId, tile);
      this.element.prepend(tile.element);
    }
    if (tile.video.srcObject !== stream) {
      tile.video.srcObject = stream;
      tile.video.play().catch(() => {});
    }
    this.drawStage();
  }

  hide(participantId) {
    const tile = this.shown.get(participantId);
    if (tile) {
      tile.video.srcObject = null;
      tile.element.remove();
      this.shown.delete(participantId);
      this.drawStage();
    }
  }

  stopRemote(participantId) {
    if (!this.send({ type: Outgoing.STOP_SHARE, participantId })) {
      toast('Not connected: try again when the connection is back.', { kind: 'error' });
    }
  }

  /** Like the microphone's toggle: the name stays, aria-pressed says whether it is on. */
  drawButton() {
    const on = Boolean(this.local);
    this.button.setAttribute('aria-pressed', String(on));
    this.button.replaceChildren('Share screen', h('span', { className: 'toggle-state', 'aria-hidden': 'true' },
      on ? 'on' : 'off'));
  }

  drawStage() {
    this.element.hidden = this.shown.size === 0;
    this.element.closest('.stage')?.setAttribute('data-sharing', this.shown.size ? 'on' : 'off');
  }

  /** Leaving: the capture stops with the call. */
  release() {
    for (const track of this.local?.getTracks() || []) {
      track.stop();
    }
    this.local = null;
    for (const id of [...this.shown.keys()]) {
      this.hide(id);
    }
  }
}
