// The messages of one conversation on screen, oldest at the top as in any messenger: stored messages in sequence
// order, each once whichever way it came (history page, send answer, socket event), then the ones still on their
// way. The log stays at the bottom while the person is there; older pages go on top without moving what they read.
import { callEntryText, highestSeq, mergeMessages } from './contacts-logic.js';
import { formatDateTime, formatTime, h } from './dom.js';

/** How close to the bottom (px) still counts as "at the bottom", where new messages keep the view. */
const BOTTOM_SLACK = 80;

const PENDING_TEXT = { sending: 'Sending…', retrying: 'Not sent yet, trying again…', failed: 'Not sent.' };

export class MessageLog {
  /** onRetry(clientMessageId), onDiscard(clientMessageId): the buttons of a message that could not be sent. */
  constructor({ selfId, otherName, onRetry, onDiscard, onNearTop }) {
    this.selfId = selfId;
    this.otherName = otherName;
    this.onRetry = onRetry;
    this.onDiscard = onDiscard;
    this.byId = new Map();
    this.list = h('ol', { id: 'message-log', className: 'message-log', role: 'log', 'aria-live': 'polite',
      'aria-label': `Messages with ${otherName}` });
    this.older = h('button', { type: 'button', id: 'load-older', className: 'secondary small', hidden: true },
      'Load older messages');
    this.empty = h('p', { id: 'message-empty', className: 'hint' }, 'No messages yet. Say hello!');
    this.element = h('div', { className: 'message-scroll', tabIndex: 0, 'aria-label': 'Conversation' },
      this.older, this.empty, this.list);
    this.element.addEventListener('scroll', () => {
      if (this.element.scrollTop < BOTTOM_SLACK && !this.older.hidden && !this.older.disabled) {
        onNearTop();
      }
    });
  }

  highestSeq() {
    return highestSeq(this.byId.values());
  }

  /** The newest stored message, or null. */
  newest() {
    let newest = null;
    for (const message of this.byId.values()) {
      if (!newest || message.seq > newest.seq) {
        newest = message;
      }
    }
    return newest;
  }

  nearBottom() {
    const box = this.element;
    return box.scrollHeight - box.scrollTop - box.clientHeight < BOTTOM_SLACK;
  }

  scrollToBottom() {
    this.element.scrollTop = this.element.scrollHeight;
  }

  /** Adds stored messages (any order, repeats skipped); returns the ones that were new. */
  add(messages) {
    const lowest = this.lowestSeq();
    const atBottom = this.nearBottom();
    const fromBottom = this.element.scrollHeight - this.element.scrollTop;
    const added = mergeMessages(this.byId, messages);
    for (const message of added) {
      this.removePending(message.clientMessageId && message.senderId === this.selfId ? message.clientMessageId : null);
      const next = [...this.list.children].find((item) => item.dataset.pending === 'true'
        || Number(item.dataset.seq) > message.seq);
      this.list.insertBefore(this.item(message), next || null);
    }
    this.empty.hidden = this.list.children.length > 0;
    if (added.length === 0) {
      return added;
    }
    if (lowest !== null && added.every((message) => message.seq < lowest)) {
      this.element.scrollTop = this.element.scrollHeight - fromBottom; // older ones on top: stay where the reader is
    } else if (atBottom) {
      this.scrollToBottom();
    }
    return added;
  }

  lowestSeq() {
    let lowest = null;
    for (const message of this.byId.values()) {
      lowest = lowest === null ? message.seq : Math.min(lowest, message.seq);
    }
    return lowest;
  }

  /** `hasOlder`: whether "Load older messages" has anything to load. */
  setHasOlder(hasOlder) {
    this.older.hidden = !hasOlder;
  }

  item(message) {
    const mine = message.senderId === this.selfId;
    const call = message.kind === 'call';
    return h('li', {
      className: `message ${mine ? 'mine' : 'theirs'}${call ? ' call-entry' : ''}`, 'data-message-id': message.messageId,
      'data-seq': String(message.seq), 'data-kind': message.kind, 'data-from': mine ? 'me' : 'them',
      'data-outcome': call ? message.call?.outcome : null,
    },
    h('span', { className: 'visually-hidden' }, mine ? 'You: ' : `${this.otherName}: `),
    h('p', { className: 'message-text' }, call ? callEntryText(message, this.selfId) : message.text),
    h('time', { className: 'message-time', dateTime: message.sentAt || '', title: formatDateTime(message.sentAt) },
      formatTime(message.sentAt)));
  }

  /** A message on its way: `item` {clientMessageId, text, state: 'sending' | 'retrying' | 'failed'}. */
  showPending(item) {
    let element = this.pendingElement(item.clientMessageId);
    if (!element) {
      const atBottom = this.nearBottom();
      element = h('li', { className: 'message mine pending', 'data-pending': 'true',
        'data-client-message-id': item.clientMessageId },
      h('p', { className: 'message-text' }, item.text),
      h('p', { className: 'message-status' }));
      this.list.append(element);
      this.empty.hidden = true;
      if (atBottom || item.state === 'sending') {
        this.scrollToBottom();
      }
    }
    element.dataset.state = item.state;
    const status = element.querySelector('.message-status');
    status.replaceChildren(PENDING_TEXT[item.state] || '');
    if (item.state === 'failed') {
      status.append(' ',
        h('button', { type: 'button', className: 'small secondary message-retry',
          onclick: () => this.onRetry(item.clientMessageId) }, 'Retry'),
        ' ',
        h('button', { type: 'button', className: 'small secondary message-discard',
          onclick: () => this.onDiscard(item.clientMessageId) }, 'Discard'));
    }
  }

  removePending(clientMessageId) {
    if (clientMessageId) {
      this.pendingElement(clientMessageId)?.remove();
      this.empty.hidden = this.list.children.length > 0;
    }
  }

  pendingElement(clientMessageId) {
    return [...this.list.querySelectorAll('li[data-pending="true"]')]
      .find((element) => element.dataset.clientMessageId === clientMessageId) || null;
  }
}
