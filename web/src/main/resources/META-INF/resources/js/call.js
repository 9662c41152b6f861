// A call in progress: the video grid, controls, people, chat, timer and host panel, driven by the signaling socket.
// Media flows peer to peer (mesh.js); when the socket drops, the peer connections keep running, and the next
// `welcome` reconciles them with who is still there.
import { api } from './api.js';
import { claims } from './credentials.js';
import { formatClock, formatTime, h, toast } from './dom.js';
import { PeerMesh } from './mesh.js';
import { QualityReporter } from './quality.js';
import { SignalingClient } from './signaling.js';

const STATUS_TEXT = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  lost: 'Connection lost',
};

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
    this.isHost = credentials.role === 'host';
    this.people = new Map();
    this.tiles = new Map();
    this.chatIds = new Set();
    this.welcomes = 0;
    this.finished = false;
    this.countdown = null;
  }

  start() {
    this.mesh = new PeerMesh({
      send: (message) => this.client.send(message),
      onTrack: (peerId, stream) => this.tile(peerId).attach(stream),
      onState: (peerId, state) => this.tiles.get(peerId)?.setConnectionState(state),
    });
    this.mesh.setLocalStream(this.media.stream);
    this.client = new SignalingClient(this.credentials.token, {
      onMessage: (message) => this.onMessage(message),
      onStatus: (state, detail) => this.onStatus(state, detail),
      onEnding: (outcome) => this.finish(outcome),
      onHandshakeFailed: () => this.checkMeeting(),
    });
    this.reporter = new QualityReporter({
      meetingId: this.credentials.meetingId,
      participantId: this.selfId,
      token: this.credentials.token,
      connections: () => this.mesh.connections(),
    });
    this.render();
    this.client.connect();
    this.reporter.start();
  }

  // ---- view ------------------------------------------------------------------------------------------------------

  render() {
    const meetingId = this.credentials.meetingId;
    const invite = new URL(`/m/${encodeURIComponent(this.meetingRef)}`, location.origin).href;
    this.statusEl = h('p', { id: 'connection-status', className: 'connection-status', role: 'status',
      'data-state': 'connecting' }, STATUS_TEXT.connecting);
    this.timerEl = h('p', { id: 'timer', className: 'timer', role: 'timer', hidden: true });
    this.grid = h('div', { id: 'video-grid', className: 'video-grid', 'data-count': '1' });
    this.peopleList = h('ul', { id: 'participant-list', className: 'people' });
    this.peopleCount = h('span', { className: 'count' });
    this.chatLog = h('ol', { id: 'chat-log', className: 'chat-log', role: 'log', 'aria-live': 'polite',
      'aria-label': 'Chat messages' });
    // a toggle's name stays "Microphone"; aria-pressed says whether it is on (the visible on/off is for the eye)
    this.micButton = h('button', { type: 'button', id: 'toggle-mic', className: 'toggle',
      onclick: () => this.toggle('audio') });
    this.cameraButton = h('button', { type: 'button', id: 'toggle-camera', className: 'toggle',
      onclick: () => this.toggle('video') });
    this.soundButton = h('button', { type: 'button', id: 'enable-sound', className: 'secondary', hidden: true,
      onclick: () => this.enableSound() }, 'Turn on sound');
    const copyButton = h('button', { type: 'button', id: 'copy-link', className: 'secondary' }, 'Copy link');
    const inviteInput = h('input', { id: 'invite-link', readOnly: true, value: invite, 'aria-label': 'Meeting link' });
    copyButton.addEventListener('click', () => copyLink(inviteInput));

    this.view = h('div', { className: 'call', 'data-welcomes': '0' },
      h('header', { className: 'call-bar' },
        h('h1', { id: 'meeting-title' }, this.meeting.title || 'Meeting'),
        h('div', { className: 'invite' }, inviteInput, copyButton),
        this.timerEl,
        this.statusEl),
      h('section', { className: 'stage', 'aria-label': 'Video' }, this.grid),
      h('nav', { className: 'controls', 'aria-label': 'Call controls' },
        this.micButton,
        this.cameraButton,
        this.soundButton,
        h('a', { id: 'quality-link', className: 'button secondary', href: `/m/${encodeURIComponent(meetingId)}/quality`,
          target: '_blank', rel: 'opener' }, 'Call quality'),
        h('button', { type: 'button', id: 'leave-call', className: 'danger', onclick: () => this.hangUp() }, 'Leave')),
      h('aside', { className: 'side' },
        h('section', { className: 'panel', 'aria-labelledby': 'people-heading' },
          h('h2', { id: 'people-heading' }, 'People ', this.peopleCount),
          this.peopleList),
        this.renderChat(),
        this.isHost ? this.renderHostPanel() : null));
    this.root.replaceChildren(this.view);
    document.title = `${this.meeting.title || 'Meeting'} · Parley`;

    this.people.set(this.selfId, {
      participantId: this.selfId, name: this.credentials.name || claims(this.credentials.token).name || 'You',
      role: this.credentials.role,
      ...this.media.state(),
    });
    const own = this.tile(this.selfId);
    if (this.media.stream) {
      own.attach(this.media.stream);
    }
    this.updateControls();
    this.renderPeople();
  }

  renderChat() {
    const input = h('input', { id: 'chat-input', name: 'text', maxLength: 2000, autocomplete: 'off', required: true });
    const form = h('form', { id: 'chat-form', className: 'chat-form' },
      h('label', { for: 'chat-input', className: 'visually-hidden' }, 'Message'),
      input,
      h('button', { type: 'submit', className: 'primary' }, 'Send'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) {
        return;
      }
      if (!this.client.send({ type: 'chat', text })) {
        toast('Not connected: the message goes out when the connection is back.');
      }
      input.value = '';
    });
    return h('section', { className: 'panel chat', 'aria-labelledby': 'chat-heading' },
      h('h2', { id: 'chat-heading' }, 'Chat'), this.chatLog, form);
  }

  renderHostPanel() {
    const token = this.credentials.token;
    const meetingId = this.credentials.meetingId;
    const run = (button, action, done) => async () => {
      button.disabled = true;
      try {
        await action();
        if (done) {
          done();
        }
      } catch (error) {
        toast(`${button.textContent.trim()} failed: ${error.detail || error.message}`, { kind: 'error' });
      } finally {
        button.disabled = button.dataset.keepDisabled === 'true';
      }
    };
    const muteAll = h('button', { type: 'button', id: 'mute-all', className: 'secondary' }, 'Mute everyone');
    muteAll.onclick = run(muteAll, () => api.muteAll(meetingId, token), () => toast('Everyone else was muted.'));
    // the presets are the server's configuration (GET /api/meetings/{id}): a button for each, none of our own
    const timers = (this.meeting.timerPresets || []).map(({ preset, seconds }) => {
      const button = h('button', { type: 'button', className: 'secondary timer-preset', 'data-preset': preset,
        'aria-label': `Start a ${presetName(seconds)} timer` }, presetLabel(seconds));
      button.onclick = run(button, () => api.timer(meetingId, preset, token));
      return button;
    });
    this.lockButton = h('button', { type: 'button', id: 'lock-meeting', className: 'secondary' }, 'Lock meeting');
    this.lockButton.onclick = run(this.lockButton, () => api.lock(meetingId, token), () => this.showLocked());

    const dialog = h('dialog', { id: 'end-dialog', 'aria-labelledby': 'end-dialog-title' });
    const confirm = h('button', { type: 'button', id: 'confirm-end', className: 'danger' }, 'End for everyone');
    confirm.onclick = run(confirm, () => api.end(meetingId, token), () => dialog.close());
    dialog.append(
      h('h2', { id: 'end-dialog-title' }, 'End the meeting for everyone?'),
      h('p', {}, 'Everyone is disconnected and the meeting link stops working.'),
      h('div', { className: 'actions' },
        h('button', { type: 'button', id: 'cancel-end', className: 'secondary', onclick: () => dialog.close() }, 'Cancel'),
        confirm));
    const end = h('button', { type: 'button', id: 'end-meeting', className: 'danger', onclick: () => dialog.showModal() },
      'End meeting');
    return h('section', { className: 'panel host', id: 'host-panel', 'aria-labelledby': 'host-heading' },
      h('h2', { id: 'host-heading' }, 'Host controls'),
      h('div', { className: 'host-actions' }, muteAll, this.lockButton, end),
      timers.length ? h('div', { className: 'timer-presets', role: 'group', 'aria-label': 'Timer' },
        h('span', {}, 'Timer'), timers) : null,
      dialog);
  }

  showLocked() {
    if (this.lockButton) {
      this.lockButton.textContent = 'Meeting locked';
      this.lockButton.dataset.keepDisabled = 'true';
      this.lockButton.disabled = true;
    }
  }

  tile(participantId) {
    let tile = this.tiles.get(participantId);
    if (!tile) {
      tile = new Tile(participantId, participantId === this.selfId, () => this.soundBlocked());
      this.tiles.set(participantId, tile);
      // own preview first, the others in the order they came
      if (participantId === this.selfId) {
        this.grid.prepend(tile.element);
      } else {
        this.grid.append(tile.element);
      }
      this.grid.dataset.count = String(this.tiles.size);
    }
    tile.update(this.people.get(participantId));
    return tile;
  }

  removeTile(participantId) {
    const tile = this.tiles.get(participantId);
    if (tile) {
      tile.element.remove();
      this.tiles.delete(participantId);
      this.grid.dataset.count = String(this.tiles.size);
    }
  }

  renderPeople() {
    const people = [...this.people.values()].sort((a, b) => (a.participantId === this.selfId ? -1
      : b.participantId === this.selfId ? 1 : 0));
    this.peopleCount.textContent = `(${people.length})`;
    this.peopleList.replaceChildren(...people.map((person) => {
      const self = person.participantId === this.selfId;
      const item = h('li', { 'data-participant-id': person.participantId, 'data-audio': person.audio ? 'on' : 'off',
        'data-video': person.video ? 'on' : 'off' },
        h('span', { className: 'person-name' }, person.name || 'Guest', self ? ' (you)' : ''),
        person.role === 'host' ? h('span', { className: 'badge' }, 'host') : null,
        h('span', { className: 'person-state' },
          h('span', { className: `state state-${person.audio ? 'on' : 'off'}` }, person.audio ? 'mic on' : 'muted'),
          h('span', { className: `state state-${person.video ? 'on' : 'off'}` }, person.video ? 'camera on' : 'camera off')));
      if (this.isHost && !self) {
        const mute = h('button', { type: 'button', className: 'small secondary mute-participant',
          'aria-label': `Mute ${person.name}`, disabled: !person.audio }, 'Mute');
        mute.onclick = () => api.mute(this.credentials.meetingId, person.participantId, this.credentials.token)
          .catch((error) => toast(`Mute failed: ${error.detail}`, { kind: 'error' }));
        const remove = h('button', { type: 'button', className: 'small danger remove-participant',
          'aria-label': `Remove ${person.name}` }, 'Remove');
        remove.onclick = () => api.remove(this.credentials.meetingId, person.participantId, this.credentials.token)
          .then(() => toast(`${person.name} was removed.`))
          .catch((error) => toast(`Remove failed: ${error.detail}`, { kind: 'error' }));
        item.append(h('span', { className: 'person-actions' }, mute, remove));
      }
      return item;
    }));
  }

  updateControls() {
    for (const [button, kind, label] of [[this.micButton, 'audio', 'Microphone'], [this.cameraButton, 'video', 'Camera']]) {
      const available = this.media.has(kind);
      const on = this.media.enabled(kind);
      button.setAttribute('aria-pressed', String(on));
      button.disabled = !available;
      button.replaceChildren(label, h('span', { className: 'toggle-state', 'aria-hidden': 'true' },
        available ? (on ? 'on' : 'off') : 'none'));
    }
    const self = this.people.get(this.selfId);
    if (self) {
      Object.assign(self, this.media.state());
      this.tiles.get(this.selfId)?.update(self);
    }
  }

  appendChat(message) {
    if (!message.id || this.chatIds.has(message.id)) {
      return;
    }
    this.chatIds.add(message.id);
    const mine = message.from === this.selfId;
    this.chatLog.append(h('li', { 'data-message-id': message.id, className: mine ? 'mine' : '' },
      h('span', { className: 'chat-name' }, mine ? 'You' : message.name || 'Guest'),
      h('time', { dateTime: message.sentAt }, formatTime(message.sentAt)),
      h('p', { className: 'chat-text' }, message.text)));
    this.chatLog.scrollTop = this.chatLog.scrollHeight;
  }

  startCountdown({ seconds, endsAt }) {
    clearInterval(this.countdown);
    // the server's end time, but never more than the preset from now: a client clock running behind must not
    // show a longer countdown than the host chose
    const endMs = Math.min(Date.parse(endsAt) || Infinity, Date.now() + seconds * 1000);
    const tick = () => {
      const remaining = (endMs - Date.now()) / 1000;
      this.timerEl.hidden = false;
      if (remaining > 0) {
        this.timerEl.dataset.state = 'running';
        this.timerEl.textContent = `Timer ${formatClock(remaining)}`;
        return;
      }
      clearInterval(this.countdown);
      this.timerEl.dataset.state = 'done';
      this.timerEl.textContent = 'Time is up';
      toast('Time is up.');
      this.countdown = setTimeout(() => {
        this.timerEl.hidden = true;
      }, 10000);
    };
    tick();
    if (endMs > Date.now()) {
      toast(`A ${presetName(seconds)} timer started.`);
      this.countdown = setInterval(tick, 250);
    }
  }

  // ---- signaling -------------------------------------------------------------------------------------------------

  onMessage(message) {
    switch (message.type) {
      case 'welcome':
        this.onWelcome(message);
        break;
      case 'participant-joined':
      case 'participant-updated':
        this.upsertPerson(message.participant, message.type === 'participant-joined');
        break;
      case 'participant-left':
        this.people.delete(message.participantId);
        this.mesh.disconnect(message.participantId);
        this.removeTile(message.participantId);
        this.renderPeople();
        break;
      case 'offer':
      case 'answer':
        this.mesh.handle(message.type, message.from, message.sdp);
        break;
      case 'ice':
        this.mesh.handle('ice', message.from, message.candidate);
        break;
      case 'chat':
        this.appendChat(message);
        break;
      case 'muted':
        if (this.media.enabled('audio')) {
          this.media.setEnabled('audio', false);
          this.updateControls();
          this.sendMediaState();
          this.renderPeople();
        }
        toast('The host muted your microphone.');
        break;
      case 'timer':
        this.startCountdown(message);
        break;
      case 'removed':
        this.finish('removed');
        break;
      case 'meeting-ended':
        this.finish('ended');
        break;
      case 'error':
        if (message.code !== 'unknown-participant') {
          toast(message.message || message.code, { kind: 'error' });
        }
        break;
      default:
    }
  }

  onWelcome(message) {
    this.welcomes += 1;
    this.view.dataset.welcomes = String(this.welcomes);
    this.selfId = message.participantId || this.selfId;
    this.mesh.configure(this.selfId, message.iceServers);
    const meeting = message.meeting || {};
    if (meeting.state === 'locked') {
      this.showLocked();
    }
    if (this.welcomes === 1 && meeting.timer && Date.parse(meeting.timer.endsAt) > Date.now()) {
      this.startCountdown(meeting.timer);
    }
    const present = (message.participants || []).filter((person) => person.participantId !== this.selfId);
    const ids = present.map((person) => person.participantId);
    for (const id of [...this.people.keys()]) {
      if (id !== this.selfId && !ids.includes(id)) {
        this.people.delete(id);
        this.removeTile(id);
      }
    }
    this.mesh.retain(ids);
    if (this.welcomes > 1) {
      this.mesh.restartUnconnected();
    }
    for (const person of present) {
      this.upsertPerson(person, true);
    }
    for (const chat of message.chatHistory || []) {
      this.appendChat(chat);
    }
    // a new socket starts out as "microphone and camera on" for the others: tell them how it really is
    this.sendMediaState();
    this.renderPeople();
  }

  upsertPerson(person, connect) {
    if (!person || !person.participantId || person.participantId === this.selfId) {
      return;
    }
    const known = this.people.has(person.participantId);
    this.people.set(person.participantId, { ...this.people.get(person.participantId), ...person });
    this.tile(person.participantId);
    // an update for someone we never saw joining (a missed message) counts as a join
    if (connect || !known) {
      this.mesh.connect(person.participantId);
    }
    this.renderPeople();
  }

  sendMediaState() {
    this.client.send({ type: 'media', ...this.media.state() });
  }

  onStatus(state, detail = {}) {
    this.statusEl.dataset.state = state;
    this.statusEl.textContent = state === 'reconnecting' && detail.delayMs
      ? `Reconnecting (attempt ${detail.attempt})…` : STATUS_TEXT[state];
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

  // ---- actions ---------------------------------------------------------------------------------------------------

  toggle(kind) {
    this.media.setEnabled(kind, !this.media.enabled(kind));
    this.updateControls();
    this.sendMediaState();
    this.renderPeople();
  }

  soundBlocked() {
    this.soundButton.hidden = false;
  }

  enableSound() {
    for (const tile of this.tiles.values()) {
      tile.unmute();
    }
    this.soundButton.hidden = true;
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
    clearInterval(this.countdown);
    clearTimeout(this.countdown);
    // the last sample needs the connections; do not let a slow getStats hold the screen back
    await Promise.race([this.reporter.stop(), new Promise((resolve) => { setTimeout(resolve, 1000); })]);
    this.mesh.closeAll();
    this.media.stop();
    for (const tile of this.tiles.values()) {
      tile.detach();
    }
    if (!silent) {
      this.onEnded(kind);
    }
  }
}

/** One participant's video with name and state; the own preview is muted and mirrored. */
class Tile {
  constructor(participantId, self, onSoundBlocked) {
    this.self = self;
    this.onSoundBlocked = onSoundBlocked;
    this.video = h('video', { autoplay: true, playsInline: true, muted: self });
    this.name = h('figcaption', { className: 'tile-name' });
    this.placeholder = h('div', { className: 'tile-placeholder', 'aria-hidden': 'true' });
    this.element = h('figure', { className: `tile${self ? ' self' : ''}`, 'data-participant-id': participantId,
      'data-connection-state': self ? 'local' : 'new', 'data-video': 'on' },
    this.video, this.placeholder, this.name);
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
    if (!person) {
      return;
    }
    const name = person.name || 'Guest';
    this.name.textContent = this.self ? `${name} (you)` : name;
    if (person.audio === false) {
      this.name.append(h('span', { className: 'muted-indicator' }, ' · muted'));
    }
    this.element.dataset.video = person.video === false ? 'off' : 'on';
    this.placeholder.textContent = name.slice(0, 1).toUpperCase();
    this.element.setAttribute('aria-label', `${name}${person.audio === false ? ', muted' : ''}`);
  }

  setConnectionState(state) {
    this.element.dataset.connectionState = state;
  }

  detach() {
    this.video.srcObject = null;
  }
}

/** A preset's button text: "15 s", "2 min", "1:30". */
function presetLabel(seconds) {
  if (seconds < 60) {
    return `${seconds} s`;
  }
  return seconds % 60 === 0 ? `${seconds / 60} min` : formatClock(seconds);
}

/** A preset as said aloud: "15 second", "2 minute", "90 second" (as in "Start a 2 minute timer"). */
function presetName(seconds) {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} minute` : `${seconds} second`;
}

async function copyLink(input) {
  try {
    await navigator.clipboard.writeText(input.value);
    toast('Link copied.');
  } catch {
    input.select();
    toast('Press Ctrl+C (or ⌘C) to copy the selected link.');
  }
}
