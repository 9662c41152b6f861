// Who is in the meeting: the people panel (names, host badge, microphone and camera state, the host's mute and
// remove buttons), kept from `welcome` and the participant-* messages. The roster decides who comes and goes; the
// peers callbacks connect the media (mesh) and the tiles to that.
import { api } from '../api.js';
import { h, toast } from '../dom.js';
import { handMarker } from './hands.js';
import { Incoming } from './messages.js';

export class Roster {
  /**
   * self: {participantId, name, role, audio, video}; peers: {joined(id, person, connect), updated(person),
   * left(id), welcomed(presentIds)}.
   */
  constructor({ self, credentials, peers }) {
    this.selfId = self.participantId;
    this.credentials = credentials;
    this.isHost = credentials.role === 'host';
    this.peers = peers;
    this.people = new Map([[this.selfId, self]]);
    this.list = h('ul', { id: 'participant-list', className: 'people' });
    this.count = h('span', { className: 'count' });
    this.element = h('section', { className: 'panel', 'aria-labelledby': 'people-heading' },
      h('h2', { id: 'people-heading' }, 'People ', this.count), this.list);
  }

  messages() {
    return {
      [Incoming.WELCOME]: (message) => this.onWelcome(message),
      [Incoming.PARTICIPANT_JOINED]: (message) => this.upsert(message.participant, true),
      [Incoming.PARTICIPANT_UPDATED]: (message) => this.upsert(message.participant, false),
      [Incoming.PARTICIPANT_LEFT]: (message) => {
        this.people.delete(message.participantId);
        this.peers.left(message.participantId);
        this.render();
      },
    };
  }

  person(participantId) {
    return this.people.get(participantId);
  }

  /** The own microphone and camera changed. */
  updateSelf(state) {
    const self = this.people.get(this.selfId);
    Object.assign(self, state);
    this.peers.updated(self);
    this.render();
  }

  onWelcome(message) {
    const present = (message.participants || []).filter((person) => person.participantId !== this.selfId);
    const ids = present.map((person) => person.participantId);
    for (const id of [...this.people.keys()]) {
      if (id !== this.selfId && !ids.includes(id)) {
        this.people.delete(id);
        this.peers.left(id);
      }
    }
    this.peers.welcomed(ids);
    for (const person of present) {
      this.upsert(person, true);
    }
    this.render();
  }

  upsert(person, connect) {
    if (!person || !person.participantId || person.participantId === this.selfId) {
      return;
    }
    const known = this.people.has(person.participantId);
    const merged = { ...this.people.get(person.participantId), ...person };
    this.people.set(person.participantId, merged);
    // an update for someone we never saw joining (a missed message) counts as a join
    this.peers.joined(person.participantId, merged, connect || !known);
    this.render();
  }

  render() {
    const people = [...this.people.values()].sort((a, b) => (a.participantId === this.selfId ? -1
      : b.participantId === this.selfId ? 1 : 0));
    this.count.textContent = `(${people.length})`;
    this.list.replaceChildren(...people.map((person) => this.item(person)));
  }

  item(person) {
    const self = person.participantId === this.selfId;
    const item = h('li', { 'data-participant-id': person.participantId, 'data-audio': person.audio ? 'on' : 'off',
      'data-video': person.video ? 'on' : 'off' },
    h('span', { className: 'person-name' }, person.name || 'Guest', self ? ' (you)' : ''),
    handMarker(person),
    person.role === 'host' ? h('span', { className: 'badge' }, 'host') : null,
    h('span', { className: 'person-state' },
      h('span', { className: `state state-${person.audio ? 'on' : 'off'}` }, person.audio ? 'mic on' : 'muted'),
      h('span', { className: `state state-${person.video ? 'on' : 'off'}` }, person.video ? 'camera on' : 'camera off')));
    if (this.isHost && !self) {
      item.append(h('span', { className: 'person-actions' }, ...this.hostActions(person)));
    }
    return item;
  }

  hostActions(person) {
    const { meetingId, token } = this.credentials;
    const mute = h('button', { type: 'button', className: 'small secondary mute-participant',
      'aria-label': `Mute ${person.name}`, disabled: !person.audio }, 'Mute');
    mute.onclick = () => api.mute(meetingId, person.participantId, token)
      .catch((error) => toast(`Mute failed: ${error.detail}`, { kind: 'error' }));
    const remove = h('button', { type: 'button', className: 'small danger remove-participant',
      'aria-label': `Remove ${person.name}` }, 'Remove');
    remove.onclick = () => api.remove(meetingId, person.participantId, token)
      .then(() => toast(`${person.name} was removed.`))
      .catch((error) => toast(`Remove failed: ${error.detail}`, { kind: 'error' }));
    return [mute, remove];
  }
}
