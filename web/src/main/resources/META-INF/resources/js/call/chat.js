// The meeting's chat: the log (history from `welcome`, then `chat` messages, each shown once by id) and the form.
import { formatTime, h, toast } from '../dom.js';
import { Incoming, Outgoing } from './messages.js';

export class ChatPanel {
  /** send(message) answers false while the socket is down (the message is queued and goes out later). */
  constructor({ selfId, send }) {
    this.selfId = selfId;
    this.send = send;
    this.ids = new Set();
    this.messageList = h('ol', { className: 'chat-messages' });
    // the log role is on a wrapper: on the list itself it would take away the list semantics its items need
    this.log = h('div', { id: 'chat-log', className: 'chat-log', role: 'log', 'aria-live': 'polite',
      'aria-label': 'Chat messages' }, this.messageList);
    this.element = this.render();
  }

  messages() {
    return {
      [Incoming.WELCOME]: (message) => (message.chatHistory || []).forEach((chat) => this.append(chat)),
      [Incoming.CHAT]: (message) => this.append(message),
    };
  }

  render() {
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
      if (!this.send({ type: Outgoing.CHAT, text })) {
        toast('Not connected: the message goes out when the connection is back.');
      }
      input.value = '';
    });
    return h('section', { className: 'panel chat', 'aria-labelledby': 'chat-heading' },
      h('h2', { id: 'chat-heading' }, 'Chat'), this.log, form);
  }

  append(message) {
    if (!message.id || this.ids.has(message.id)) {
      return;
    }
    this.ids.add(message.id);
    const mine = message.from === this.selfId();
    this.messageList.append(h('li', { 'data-message-id': message.id, className: mine ? 'mine' : '' },
      h('span', { className: 'chat-name' }, mine ? 'You' : message.name || 'Guest'),
      h('time', { dateTime: message.sentAt }, formatTime(message.sentAt)),
      h('p', { className: 'chat-text' }, message.text)));
    this.log.scrollTop = this.log.scrollHeight;
  }
}
