// Raised hands: the own "Raise hand" toggle, a ✋ on the tile and in the people list, and the panel listing the raised
// hands in the order they went up — the server's order (`raisedAt` is server time, so every screen shows the same
// line). A host lowers anyone's hand (`lower-hand`); everyone else only their own (`hand`). The state comes from the
// server only: a press sends, the button changes when `participant-updated` says so, so a screen never shows a hand
// the others do not see.
import { h, toast } from '../dom.js';
import { Incoming, Outgoing } from './messages.js';

/** The ✋ for a person's entry in the people list, or null when the hand is down. */
export function handMarker(person) {
  return person?.raisedAt ? h('span', { className: 'hand-marker', role: 'img', 'aria-label': 'Hand raised' }, '✋')
    : null;
}

/** Raised hands by raise time, earliest first; ties (the same millisecond) by id, so every screen agrees. */
export function inRaiseOrder(hands) {
  return [...hands.values()].sort((a, b) => a.raisedAt - b.raisedAt
    || (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0));
}

export class RaisedHands {
  /**
   * selfId(): the own participant id; isHost: shows "Lower hand" per raised hand; send(message): false when the
   * socket is down; grid: the tiles get their ✋; onSelf(raisedAt): the own hand changed (for the people list).
   */
  constructor({ selfId, isHost, send, grid, onSelf }) {
    this.selfId = selfId;
    this.isHost = isHost;
    this.send = send;
    this.onSelf = onSelf;
    this.hands = new Map();
    this.markers = new Map();
    this.button = h('button', { type: 'button', id: 'raise-hand', className: 'secondary hand-toggle',
      'aria-pressed': 'false', onclick: () => this.toggle() }, 'Raise hand');
    this.count = h('span', { className: 'count' });
    this.list = h('ol', { id: 'raised-hands', className: 'people raised-hands' });
    this.empty = h('p', { className: 'hands-empty' }, 'No hands raised.');
    this.element = h('section', { className: 'panel hands-panel', 'aria-labelledby': 'hands-heading' },
      h('h2', { id: 'hands-heading' }, 'Raised hands ', this.count), this.empty, this.list);
    grid.addDecorator((participantId, tile) => {
      const marker = h('span', { className: 'hand-marker tile-hand', role: 'img', 'aria-label': 'Hand raised',
        hidden: true }, '✋');
      tile.append(marker);
      this.markers.set(participantId, { tile, marker });
      this.mark(participantId);
    });
    this.render();
  }

  messages() {
    return {
      [Incoming.WELCOME]: (message) => this.onWelcome(message),
      [Incoming.PARTICIPANT_JOINED]: (message) => this.update(message.participant),
      [Incoming.PARTICIPANT_UPDATED]: (message) => this.update(message.participant),
      [Incoming.PARTICIPANT_LEFT]: (message) => this.forget(message.participantId),
    };
  }

  get raised() {
    return this.hands.has(this.selfId());
  }

  toggle() {
    if (!this.send({ type: Outgoing.HAND, raised: !this.raised })) {
      toast('Not connected: the hand was not raised or lowered. Try again in a moment.', { kind: 'error' });
    }
  }

  lower(participantId) {
    this.send({ type: Outgoing.LOWER_HAND, participantId });
  }

  /** The server says who has a hand up; the own hand, if up, follows in a participant-updated of its own. */
  onWelcome(message) {
    this.hands.clear();
    for (const person of message.participants || []) {
      this.set(person);
    }
    this.changed();
  }

  update(person) {
    if (!person?.participantId) {
      return;
    }
    const wasUp = this.hands.has(person.participantId);
    this.set(person);
    if (!wasUp && person.raisedAt && person.participantId !== this.selfId()) {
      toast(`${person.name || 'Guest'} raised a hand.`);
    }
    this.changed();
  }

  set(person) {
    if (person.raisedAt) {
      this.hands.set(person.participantId, { participantId: person.participantId, name: person.name || 'Guest',
        raisedAt: person.raisedAt });
    } else {
      this.hands.delete(person.participantId);
    }
  }

  forget(participantId) {
    this.hands.delete(participantId);
    this.markers.delete(participantId);
    this.changed();
  }

  changed() {
    const raised = this.raised;
    this.button.setAttribute('aria-pressed', String(raised));
    this.button.textContent = raised ? 'Lower hand' : 'Raise hand';
    this.onSelf(raised ? this.hands.get(this.selfId()).raisedAt : null);
    for (const participantId of this.markers.keys()) {
      this.mark(participantId);
    }
    this.render();
  }

  mark(participantId) {
    const entry = this.markers.get(participantId);
    if (entry) {
      const up = this.hands.has(participantId);
      entry.marker.hidden = !up;
      entry.tile.dataset.hand = up ? 'raised' : 'down';
    }
  }

  render() {
    const hands = inRaiseOrder(this.hands);
    this.count.textContent = `(${hands.length})`;
    this.empty.hidden = hands.length > 0;
    this.list.hidden = hands.length === 0;
    this.list.replaceChildren(...hands.map((hand) => this.item(hand)));
  }

  item(hand) {
    const self = hand.participantId === this.selfId();
    const item = h('li', { 'data-participant-id': hand.participantId },
      h('span', { className: 'hand-marker', 'aria-hidden': 'true' }, '✋'),
      h('span', { className: 'person-name' }, hand.name, self ? ' (you)' : ''));
    if (this.isHost && !self) {
      // the visible text starts the accessible name, so voice control users can say what they see
      item.append(h('button', { type: 'button', className: 'small secondary lower-hand',
        'aria-label': `Lower hand of ${hand.name}`, onclick: () => this.lower(hand.participantId) }, 'Lower hand'));
    }
    return item;
  }
}
