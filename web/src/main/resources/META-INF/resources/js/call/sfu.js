// SFU mode (docs/web-client.md, "SFU mode"): once the meeting is on the media server (`welcome` says so, or a
// `media-mode` message moves it there), the call publishes on one connection and receives everyone on another
// (sfu-publisher.js, sfu-subscriber.js) instead of one connection per participant. The switch from a running mesh
// keeps the mesh's media until the subscription is connected (or SWITCH_GRACE_MS passed), then closes the mesh; from
// then on every remote tile shows what the subscription carries, and the mesh starts nothing again.
import { h } from '../dom.js';
import { Incoming } from './messages.js';
import { mediaMode, meshCloseDue, RETRY_MS, SWITCH_GRACE_MS, UNAVAILABLE_TEXT } from './sfu-logic.js';
import { SfuPublisher } from './sfu-publisher.js';
import { SfuSubscriber } from './sfu-subscriber.js';

const NONE = Object.freeze({ camera: null, screen: null });

export class SfuSession {
  /**
   * mesh: the PeerMesh it takes over from; send(message); localStream(), screen(): what to publish;
   * onTracks(participantIds): whose streams changed (only after the switch); onSwitched(): the mesh is closed and
   * the SFU feeds every remote tile; onState(state): every remote tile's media state after the switch, the
   * subscription's connectionState or 'unavailable' (UNAVAILABLE_TEXT) while the media server cannot be reached;
   * onLeft(): the meeting is a mesh again, connect everyone.
   */
  constructor({ mesh, send, localStream, screen, onTracks, onSwitched, onState, onLeft }) {
    this.mesh = mesh;
    this.send = send;
    this.localStream = localStream;
    this.screen = screen;
    this.onTracks = onTracks;
    this.onSwitched = onSwitched;
    this.onState = onState;
    this.onLeft = onLeft;
    this.iceServers = [];
    this.active = false;
    this.switched = false;
    this.unreachable = false;
    this.publisher = null;
    this.subscriber = null;
    // data-mode says how the media travels now (mesh or sfu), for the styles and the browser tests
    this.element = h('p', { id: 'media-status', className: 'connection-status', role: 'status',
      'data-state': 'reconnecting', 'data-mode': 'mesh', hidden: true });
  }

  messages() {
    return {
      [Incoming.MEDIA_MODE]: (message) => {
        if (mediaMode(message) === 'sfu' && !this.active) {
          this.enter();
        }
      },
      [Incoming.SFU_ANSWER]: (message) => {
        this.recovered();
        this.publisher?.answer(message.sdp);
      },
      [Incoming.SFU_OFFER]: (message) => {
        if (this.active) {
          this.recovered();
          this.subscriber.offer(message);
        }
      },
      [Incoming.ERROR]: (message) => {
        if (message.code === 'sfu-unavailable' && this.active) {
          this.unavailable();
        } else if (message.code === 'not-on-sfu' && this.active) {
          this.leave(); // the server has no room for the meeting (any more): its media is peer to peer
        }
      },
    };
  }

  /**
   * Every `welcome`, before the roster connects anyone: the mode and the ICE servers. A new socket in SFU mode
   * publishes and subscribes afresh, as the server only knows what this socket sent.
   */
  welcome(message) {
    this.iceServers = Array.isArray(message.iceServers) ? message.iceServers : [];
    const mode = mediaMode(message);
    if (mode === 'sfu') {
      if (this.active) {
        this.restart();
      } else {
        this.enter();
      }
    } else if (mode === 'mesh' && this.active) {
      this.leave();
    }
  }

  enter() {
    this.active = true;
    this.element.dataset.mode = 'sfu';
    this.mesh.enterSfuMode();
    this.startMedia();
    if (this.mesh.connections().length === 0) {
      this.switchNow();
    } else {
      this.startGrace();
    }
  }

  startMedia() {
    this.subscriber = new SfuSubscriber({ send: this.send, iceServers: this.iceServers,
      onTracks: (ids) => {
        if (this.switched) {
          this.onTracks(ids);
        }
      },
      onState: (state) => this.subscriberState(state) });
    this.publisher = new SfuPublisher({ send: this.send, iceServers: this.iceServers, stream: this.localStream(),
      screen: this.screen() });
    this.publisher.publish();
  }

  startGrace() {
    clearTimeout(this.graceTimer);
    this.enteredAt = performance.now();
    this.graceTimer = setTimeout(() => this.switchNow(), SWITCH_GRACE_MS);
  }

  subscriberState(state) {
    if (!this.switched) {
      if (meshCloseDue({ subscriberState: state, elapsedMs: performance.now() - this.enteredAt })) {
        this.switchNow();
      }
    } else if (!this.unreachable) {
      this.onState(state);
    }
  }

  /** The mesh goes; from now on the subscription is the source of every remote tile. */
  switchNow() {
    if (this.switched || !this.active) {
      return;
    }
    clearTimeout(this.graceTimer);
    this.switched = true;
    this.mesh.closeAll();
    this.onSwitched();
  }

  /**
   * A reconnected socket, or a retry after `sfu-unavailable`: the server holds nothing of the old connections (it
   * destroys a participant's media server session with its socket), so both start over.
   */
  restart() {
    clearTimeout(this.retryTimer);
    this.publisher?.close();
    this.subscriber?.close();
    this.startMedia();
    if (this.switched && !this.unreachable) {
      this.onState('connecting');
    }
  }

  /** The server put the meeting back on the mesh: the mesh connects everyone again. */
  leave() {
    this.close();
    this.publisher = this.subscriber = null;
    this.active = this.switched = false;
    this.element.dataset.mode = 'mesh';
    this.showUnreachable(false);
    this.mesh.leaveSfuMode();
    this.onLeft();
  }

  /**
   * `sfu-unavailable`: says so, and publishes and subscribes afresh after RETRY_MS (the server dropped what it held
   * for this participant). Before the switch the mesh stays meanwhile: closing it for a media server that is not
   * there would leave every tile black.
   */
  unavailable() {
    this.showUnreachable(true);
    if (this.switched) {
      this.onState('unavailable');
    } else {
      clearTimeout(this.graceTimer);
    }
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.restart(), RETRY_MS);
  }

  /** An answer or an offer arrived: the media server is there again. */
  recovered() {
    if (!this.unreachable) {
      return;
    }
    this.showUnreachable(false);
    if (this.switched) {
      this.onState(this.connectionState);
    } else {
      this.startGrace();
    }
  }

  showUnreachable(on) {
    this.unreachable = on;
    this.element.hidden = !on;
    this.element.textContent = on ? UNAVAILABLE_TEXT : '';
  }

  /** The subscription's connectionState ('new' before the first offer). */
  get connectionState() {
    return this.subscriber ? this.subscriber.connectionState : 'new';
  }

  /** {camera, screen} MediaStreams of a participant as the SFU delivers them (null where nothing comes). */
  streamsOf(participantId) {
    return this.subscriber ? this.subscriber.streamsOf(participantId) : NONE;
  }

  /**
   * What sends the own media, as device-menu.js and screen-share.js reach it: the mesh's senders, and the publishing
   * connection once there is one.
   */
  senders() {
    return {
      replaceTrack: (kind, track) => Promise.all([this.mesh.replaceTrack(kind, track),
        this.publisher?.replaceTrack(kind, track)]),
      setScreen: (stream) => {
        this.mesh.setScreen(stream);
        this.publisher?.setScreen(stream);
      },
    };
  }

  /** The mesh's connections and, after the switch, the SFU's. */
  allConnections() {
    return [...this.mesh.connections(), ...this.connections()];
  }

  /**
   * For the quality reporter and the speaker view once the SFU carries the call: the publishing connection, and
   * one entry per participant received (their receivers on the subscribing connection).
   */
  connections() {
    if (!this.switched) {
      return [];
    }
    const own = this.publisher?.pc ? [{ peerId: 'sfu:publish', pc: this.publisher.pc }] : [];
    return [...own, ...(this.subscriber ? this.subscriber.connections() : [])];
  }

  close() {
    clearTimeout(this.graceTimer);
    clearTimeout(this.retryTimer);
    this.publisher?.close();
    this.subscriber?.close();
  }
}
