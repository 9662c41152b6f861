// A call in progress, put together from its feature modules (one per feature, each owning its part of the screen and
// the signaling messages it registers for in messages.js). The media to and from the others is peer-media.js's (peer
// to peer, or through the SFU); when the socket drops, the peer connections keep running, and the next `welcome`
// reconciles them with who is still there.
import { claims } from '../credentials.js';
import { h, toast } from '../dom.js';
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
import { PeerMedia } from './peer-media.js';
import { Recording } from './recording.js';
import { refusalOutcome } from './refusal.js';
import { Roster } from './roster.js';
import { ScreenShare } from './screen-share.js';
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
    this.client = new SignalingClient(this.credentials.token, {
      onMessage: (message) => this.router.dispatch(message),
      onStatus: (state, detail) => this.onStatus(state, detail),
      onEnding: (outcome) => this.finish(outcome),
      onHandshakeFailed: () => this.checkMeeting(),
    });
    this.assemble();
    this.reporter = new QualityReporter({
      meetingId: this.credentials.meetingId,
      participantId: this.selfId,
      token: this.credentials.token,
      connections: () => this.peerMedia.connections(),
      onReports: (reports) => this.tileQuality.update(reports),
    });
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
    this.speaker = new SpeakerView({ grid: this.grid, connections: () => this.peerMedia.connections(),
      selfId: () => this.selfId, microphoneOn: () => this.media.enabled('audio'),
      onSample: (sample) => this.peerMedia.speakers(sample) });
    this.tileQuality = new TileQuality({ grid: this.grid });
    const tileStates = new TileStates({ grid: this.grid });
    this.peerMedia = new PeerMedia({ media: this.media, send, grid: this.grid, tileStates,
      screens: () => this.screens, person: (id) => this.roster.person(id) });
    this.devices = new DeviceMenu({ media: this.media, mesh: this.peerMedia.senders, videos: this.grid.element,
      onChange: () => {
        this.controls.draw();
        this.mediaChanged();
      } });
    this.hands = new RaisedHands({ selfId: () => this.selfId, isHost: this.credentials.role === 'host', send,
      grid: this.grid, onSelf: (raisedAt) => this.roster.updateSelf({ raisedAt }) });
    this.screens = new ScreenShare({ mesh: this.peerMedia.senders, selfId: () => this.selfId,
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
      peers: this.peerMedia.peers(),
    });
    const chat = new ChatPanel({ selfId: () => this.selfId, send });
    this.recording = new Recording({ credentials: this.credentials, media: this.media,
      onMediaChanged: () => this.devices.onChange(), onLeave: () => this.hangUp() });
    const host = this.credentials.role === 'host' ? new HostPanel({ meeting: this.meeting,
      credentials: this.credentials, extras: [this.recording.toggle.element] }) : null;

    // before the call's own welcome, which starts publishing: someone joining a recording is asked first
    this.router.register(this.recording.messages());
    this.router.register({ [Incoming.WELCOME]: (message) => this.onWelcome(message) });
    for (const feature of [this.roster, chat, this.timer, this.controls, this.hands, this.screens, this.peerMedia,
      host]) {
      if (feature) {
        this.router.register(feature.messages());
      }
    }
    // a new socket starts out as "microphone and camera on" for the others: once every feature had the welcome,
    // tell them how it really is
    this.router.register({ [Incoming.WELCOME]: () => this.sendMediaState() });
    this.router.register({
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
        this.peerMedia.element,
        this.peerMedia.relayNotice.element,
        this.peerMedia.videoLimit.element),
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

  /** Registered first, so the mesh knows who it is before the roster connects anyone. */
  onWelcome(message) {
    this.welcomes += 1;
    this.view.dataset.welcomes = String(this.welcomes);
    this.selfId = message.participantId || this.selfId;
    this.peerMedia.welcome(this.selfId, message);
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

  /** A socket was refused before it opened: ended, removed, or only a network in trouble (refusal.js). */
  async checkMeeting() {
    const outcome = await refusalOutcome(this.credentials.meetingId, this.selfId);
    if (outcome) {
      this.finish(outcome);
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
    this.peerMedia.close();
    this.screens.release();
    this.media.stop();
    this.grid.detachAll();
    if (!silent) {
      this.onEnded(kind);
    }
  }
}
