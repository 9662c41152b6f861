// A call in progress, put together from its feature modules (one per feature, each owning its part of the screen and
// the signaling messages it registers for in messages.js). Media flows peer to peer (mesh.js) until the meeting is on
// the SFU (sfu.js, which then feeds the same tiles); when the socket drops, the peer connections keep running, and the
// next `welcome` reconciles them with who is still there.
import { api } from '../api.js';
import { claims } from '../credentials.js';
import { h, toast } from '../dom.js';
import { PeerMesh } from '../mesh.js';
import { QualityReporter } from '../quality.js';
import { SignalingClient } from '../signaling.js';
import { ChatPanel } from './chat.js';
import { ConnectionStatus } from './connection-status.js';
import { MediaControls } from './controls.js';
import { DeviceMenu } from './device-menu.js';
import { RaisedHands } from './hands.js';
import { HostPanel } from './host-panel.js';
import { InviteLink } from './invite.js';
import { Incoming, MessageRouter, Outgoing } from './messages.js';
import { Recording } from './recording.js';
import { Roster } from './roster.js';
import { ScreenShare } from './screen-share.js';
import { SfuSession } from './sfu.js';
import { SfuTiles } from './sfu-tiles.js';
import { SpeakerView } from './speaker.js';
import { TileQuality } from './tile-quality.js';
import { TileStates } from './tile-states.js';
import { TileGrid } from './tiles.js';
import { TimerDisplay } from './timer.js';

/** How long the last quality sample may hold the ending screen back. */
const LAST_SAMPLE_WAIT_MS = 1000;
/** Errors a feature handles itself (sfu.js) or that need no notice (a relay to someone who just left). */
const QUIET_ERRORS = new Set(['unknown-participant', 'sfu-unavailable', 'not-on-sfu']);

export class Call {
  /** onEnded(kind) is called once, after everything was released (unless the user navigated away). */
  constructor(root, { meetingRef, meeting, credentials, media, onEnded }) {
    this.root = root;
    this.meetingRef = meetingRef;
    this.meeting = meeting;
    this.credentials = credentials;
    this.media = media;
    this.onEnded = onEnded;
    this.selfId = credentials.participantId;
    this.welcomes = 0;
    this.finished = false;
    this.router = new MessageRouter();
  }

  start() {
    this.mesh = new PeerMesh({
      send: (message) => this.client.send(message),
      onTrack: (peerId) => this.placeStreams(peerId),
      onState: (peerId, state, detail) => {
        this.grid.setConnectionState(peerId, state);
        this.tileStates.show(peerId, state, detail);
      },
    });
    this.mesh.setLocalStream(this.media.stream);
    this.sfu = new SfuSession({
      mesh: this.mesh,
      send: (message) => this.client.send(message),
      localStream: () => this.media.stream,
      screen: () => this.screens.local,
      onTracks: (ids) => ids.forEach((id) => this.placeStreams(id)),
      onSwitched: () => this.sfuTiles.switched(),
      onState: (state) => this.sfuTiles.show(state),
      onLeft: () => this.sfuTiles.remoteIds().forEach((id) => this.mesh.connect(id)),
    });
    this.senders = this.sfu.senders();
    this.connections = () => this.sfu.allConnections();
    this.client = new SignalingClient(this.credentials.token, {
      onMessage: (message) => this.router.dispatch(message),
      onStatus: (state, detail) => this.onStatus(state, detail),
      onEnding: (outcome) => this.finish(outcome),
      onHandshakeFailed: () => this.checkMeeting(),
    });
    this.reporter = new QualityReporter({
      meetingId: this.credentials.meetingId,
      participantId: this.selfId,
      token: this.credentials.token,
      connections: this.connections,
      onReports: (reports) => this.tileQuality.update(reports),
    });
    this.assemble();
    this.client.connect();
    this.reporter.start();
    this.speaker.start();
  }

  /** The features, their messages and the layout. */
  assemble() {
    const send = (message) => this.client.send(message);
    this.status = new ConnectionStatus();
    this.timer = new TimerDisplay();
    this.grid = new TileGrid({ selfId: this.selfId, onSoundBlocked: () => this.controls.soundBlocked() });
    this.devices = new DeviceMenu({ media: this.media, mesh: this.senders, videos: this.grid.element, onChange: () => {
      this.controls.draw();
      this.mediaChanged();
    } });
    this.speaker = new SpeakerView({ grid: this.grid, connections: this.connections,
      selfId: () => this.selfId, microphoneOn: () => this.media.enabled('audio') });
    this.tileQuality = new TileQuality({ grid: this.grid });
    this.tileStates = new TileStates({ grid: this.grid });
    this.hands = new RaisedHands({ selfId: () => this.selfId, isHost: this.credentials.role === 'host', send,
      grid: this.grid, onSelf: (raisedAt) => this.roster.updateSelf({ raisedAt }) });
    this.screens = new ScreenShare({ mesh: this.senders, selfId: () => this.selfId,
      isHost: this.credentials.role === 'host', send, onChange: () => this.sendMediaState() });
    this.controls = new MediaControls({
      media: this.media,
      meetingId: this.credentials.meetingId,
      onChange: () => this.mediaChanged(),
      onSoundOn: () => this.grid.unmuteAll(),
      onLeave: () => this.hangUp(),
      extras: [this.devices.element, this.screens.button, this.hands.button],
    });
    this.roster = new Roster({
      self: { participantId: this.selfId, role: this.credentials.role, ...this.media.state(),
        name: this.credentials.name || claims(this.credentials.token).name || 'You' },
      credentials: this.credentials,
      peers: this.peers(),
    });
    const chat = new ChatPanel({ selfId: () => this.selfId, send });
    this.recording = new Recording({ credentials: this.credentials, media: this.media,
      onMediaChanged: () => this.devices.onChange(), onLeave: () => this.hangUp() });
    const host = this.credentials.role === 'host' ? new HostPanel({ meeting: this.meeting,
      credentials: this.credentials, extras: [this.recording.toggle.element] }) : null;

    // before the call's own welcome, which starts publishing: someone joining a recording is asked first
    this.router.register(this.recording.messages());
    this.router.register({ [Incoming.WELCOME]: (message) => this.onWelcome(message) });
    this.sfuTiles = new SfuTiles({ sfu: this.sfu, grid: this.grid, tileStates: this.tileStates, screens: this.screens,
      person: (id) => this.roster.person(id) });
    for (const feature of [this.roster, chat, this.timer, this.controls, this.hands, this.screens, this.sfu, host]) {
      if (feature) {
        this.router.register(feature.messages());
      }
    }
    // a new socket starts out as "microphone and camera on" for the others: once every feature had the welcome,
    // tell them how it really is
    this.router.register({ [Incoming.WELCOME]: () => this.sendMediaState() });
    this.router.register({
      [Incoming.OFFER]: (message) => this.mesh.handle(message.type, message.from, message.sdp),
      [Incoming.ANSWER]: (message) => this.mesh.handle(message.type, message.from, message.sdp),
      [Incoming.ICE]: (message) => this.mesh.handle('ice', message.from, message.candidate),
      [Incoming.REMOVED]: () => this.finish('removed'),
      [Incoming.MEETING_ENDED]: () => this.finish('ended'),
      [Incoming.ERROR]: (message) => {
        if (!QUIET_ERRORS.has(message.code)) {
          toast(message.message || message.code, { kind: 'error' });
        }
      },
    });

    const title = this.meeting.title || 'Meeting';
    this.view = h('div', { className: 'call', 'data-welcomes': '0' },
      h('header', { className: 'call-bar' },
        h('h1', { id: 'meeting-title' }, title),
        new InviteLink(this.meetingRef).element,
        this.timer.element,
        this.recording.element,
        this.status.element,
        this.sfu.element),
      h('section', { className: 'stage', 'aria-label': 'Video' }, this.screens.element, this.speaker.element,
        this.grid.element),
      this.controls.element,
      h('aside', { className: 'side' }, this.roster.element, this.hands.element, chat.element, host?.element));
    this.root.replaceChildren(this.view);
    document.title = `${title} · Parley`;
    const own = this.grid.tile(this.selfId, this.roster.person(this.selfId));
    if (this.media.stream) {
      own.attach(this.media.stream);
    }
    this.roster.render();
  }

  /** The roster's comings and goings, applied to the peer connections and the tiles. */
  peers() {
    return {
      joined: (id, person, connect) => {
        this.grid.tile(id, person);
        this.placeStreams(id);
        this.sfuTiles.joined(id);
        if (connect) {
          this.mesh.connect(id);
        }
      },
      updated: (person) => this.grid.tile(person.participantId, person),
      left: (id) => {
        this.screens.hide(id);
        this.mesh.disconnect(id);
        this.grid.remove(id);
      },
      welcomed: (ids) => {
        this.mesh.retain(ids);
        if (this.welcomes > 1) {
          this.mesh.restartUnconnected();
        }
      },
    };
  }

  /** Registered first, so the mesh knows who it is before the roster connects anyone. */
  onWelcome(message) {
    this.welcomes += 1;
    this.view.dataset.welcomes = String(this.welcomes);
    this.selfId = message.participantId || this.selfId;
    this.mesh.configure(this.selfId, message.iceServers);
    this.sfu.welcome(message);
  }

  /** A peer's camera to its tile, its screen (the stream its `media` state names) to the screen stage. */
  placeStreams(peerId) {
    if (this.sfu.switched) {
      this.sfuTiles.place(peerId);
      return;
    }
    const person = this.roster.person(peerId);
    const streams = this.mesh.streams(peerId);
    if (!streams.length) {
      return;
    }
    const screen = streams.find((stream) => person?.screen && stream.id === person.screen) || null;
    const camera = streams.find((stream) => stream !== screen) || null;
    this.grid.tile(peerId, person).attach(camera);
    this.screens.showRemote(person || { participantId: peerId }, screen);
  }

  mediaChanged() {
    this.roster.updateSelf(this.media.state());
    this.sendMediaState();
  }

  sendMediaState() {
    this.client.send({ type: Outgoing.MEDIA, ...this.media.state(), screen: this.screens.id() });
  }

  onStatus(state, detail) {
    this.status.show(state, detail);
    this.view.dataset.state = state;
    if (state === 'lost') {
      this.finish('connection-lost');
    }
  }

  /**
   * A socket was refused before it opened. The gateway answers a revoked token with 401 before signaling can
   * close with 4410/4403, and the browser does not tell why; meeting-service can.
   */
  async checkMeeting() {
    try {
      const meeting = await api.getMeeting(this.credentials.meetingId);
      if (meeting.state === 'ended') {
        this.finish('ended');
      } else if (!(meeting.participants || []).some((person) => person.participantId === this.selfId)) {
        this.finish('removed');
      }
    } catch (error) {
      if (error.status === 404) {
        this.finish('not-found');
      }
      // anything else: the network or the platform is down; the reconnects go on
    }
  }

  hangUp({ silent = false } = {}) {
    this.finish('left', { silent });
  }

  /** Releases everything once: last quality sample, peer connections, camera, socket, timers; then the screen. */
  async finish(kind, { silent = false } = {}) {
    if (this.finished) {
      return;
    }
    this.finished = true;
    this.client.stop();
    this.timer.stop();
    this.controls.stop();
    this.devices.stop();
    this.speaker.stop();
    this.recording.stop();
    // the last sample needs the connections; do not let a slow getStats hold the screen back
    await Promise.race([this.reporter.stop(), new Promise((resolve) => { setTimeout(resolve, LAST_SAMPLE_WAIT_MS); })]);
    this.mesh.closeAll();
    this.sfu.close();
    this.screens.release();
    this.media.stop();
    this.grid.detachAll();
    if (!silent) {
      this.onEnded(kind);
    }
  }
}
