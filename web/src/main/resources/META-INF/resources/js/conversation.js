// /contacts/{contactId}: one conversation. History from GET /api/contacts/{id}/messages (newest first, shown oldest at
// the top) with older pages by cursor, on "Load older messages" or when scrolled to the top; new messages from the
// user socket as they come (repeats skipped by messageId); after a reconnect the catch-up's last sequence number
// says whether messages were missed, and the gap is fetched. Read while visible: POST …/read {upTo} moves the
// marker, and the socket's `read` brings every device of the person to the same unread count. Sending goes through
// outbox.js (one clientMessageId per message, retried with the same id). "Call" starts a call (call-session.js).
import { accountPage, showLoading, showLoadProblem } from './account-guard.js';
import { callContact } from './call-session.js';
import { endButtons } from './contact-actions.js';
import { messageTextProblem, presenceText } from './contacts-logic.js';
import { ConversationHistory, PAGE_SIZE } from './conversation-history.js';
import * as store from './contacts-store.js';
import { h, show } from './dom.js';
import { field, formError } from './forms.js';
import { MessageLog } from './message-log.js';
import { Outbox } from './outbox.js';
import { people } from './people-api.js';
import { navigate } from './router.js';

export function renderConversation(root, contactId) {
  accountPage(root, (page) => load(root, page, contactId));
}

async function load(root, page, contactId) {
  showLoading(root, 'conversation');
  let first = null;
  try {
    if (!store.contact(contactId)) {
      await store.loadContacts();
    }
    if (store.contact(contactId)) {
      first = await people.messages(contactId, null, PAGE_SIZE);
    }
  } catch (error) {
    if (page.alive() && error.status !== 401 && error.status !== 403) {
      showLoadProblem(root, { page: 'conversation', title: 'Conversation', error,
        onRetry: () => load(root, page, contactId) });
      return;
    }
  }
  if (!page.alive()) {
    return;
  }
  const contact = store.contact(contactId);
  if (!contact || !first) {
    document.title = 'Not a contact · Parley';
    show(root, h('section', { className: 'account-page narrow', 'data-page': 'not-contact',
      'aria-labelledby': 'not-contact-title' },
    h('h1', { id: 'not-contact-title' }, 'Not a contact'),
    h('p', {}, 'This conversation does not exist, or is no longer yours: the contact may have ended.'),
    h('div', { className: 'actions' }, h('a', { className: 'button primary', href: '/contacts', 'data-link': true },
      'Contacts'))));
    return;
  }
  new Conversation(root, page, contact, first).show();
}

class Conversation {
  constructor(root, page, contact, first) {
    this.root = root;
    this.page = page;
    this.contact = contact;
    this.contactId = contact.contactId;
    this.name = contact.account.displayName || 'Your contact';
    this.first = first;
    this.readSent = null;
    this.unsubscribers = [];
    this.log = new MessageLog({
      selfId: store.currentAccountId(), otherName: this.name,
      onRetry: (id) => this.outbox.retry(id),
      onDiscard: (id) => {
        this.outbox.discard(id);
        this.log.removePending(id);
      },
      onNearTop: () => this.loadOlder(),
    });
    this.outbox = new Outbox({
      contactId: this.contactId,
      onChange: (item) => this.log.showPending(item),
      onStored: (message) => this.log.add([message]),
      onRefused: (error, item) => this.refused(error, item),
    });
  }

  alive() {
    if (this.page.alive()) {
      return true;
    }
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    this.unsubscribers = [];
    this.outbox.stop();
    return false;
  }

  show() {
    document.title = `${this.name} · Parley`;
    const messages = h('div', { className: 'form-messages' });
    this.problem = formError('conversation-error', messages);
    this.presence = h('span', { id: 'conversation-presence', className: 'presence' });
    this.callButton = h('button', { type: 'button', id: 'call-contact', className: 'primary' }, 'Call');
    this.callButton.addEventListener('click', () => this.call());
    this.notice = h('p', { id: 'conversation-ended', className: 'notice', hidden: true });
    const head = h('header', { className: 'conversation-head' },
      h('p', { className: 'breadcrumb' }, h('a', { id: 'back-to-contacts', href: '/contacts', 'data-link': true },
        '← Contacts')),
      h('div', { className: 'conversation-title' },
        h('span', { className: 'presence-dot', 'aria-hidden': 'true' }),
        h('h1', { id: 'conversation-name' }, this.name),
        this.presence),
      h('div', { className: 'item-actions' }, this.callButton,
        ...endButtons(this.contact, { problem: this.problem, onDone: () => navigate('/contacts') })));
    this.view = h('section', { className: 'account-page conversation', 'data-page': 'conversation',
      'data-contact-id': this.contactId, 'aria-labelledby': 'conversation-name' },
    head, messages, this.notice, this.log.element, this.sendForm());
    this.log.older.addEventListener('click', () => this.loadOlder());
    this.drawPresence();
    show(this.root, this.view);
    this.history = new ConversationHistory(this.contactId, this.log, this.first, () => this.alive());
    this.log.scrollToBottom();

    this.unsubscribers.push(store.onEvent((message) => this.alive() && this.onEvent(message)));
    this.unsubscribers.push(store.subscribe((what) => this.alive() && what === 'contacts' && this.contactChanged()));
    const visible = () => this.alive() && this.markRead();
    document.addEventListener('visibilitychange', visible);
    this.unsubscribers.push(() => document.removeEventListener('visibilitychange', visible));
    this.markRead();
  }

  sendForm() {
    this.text = field({ id: 'message-input', label: `Message to ${this.name}`,
      control: h('textarea', { rows: 2, required: true, autocomplete: 'off', enterKeyHint: 'send' }) });
    const submit = h('button', { type: 'submit', id: 'message-send', className: 'primary' }, 'Send');
    this.form = h('form', { id: 'message-form', className: 'message-form' }, this.text.element, submit);
    this.text.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = this.text.input.value;
      const problem = messageTextProblem(value);
      if (problem) {
        this.text.setError(problem);
        return;
      }
      this.text.clearError();
      this.problem.clear();
      this.outbox.send(value.trim());
      this.text.input.value = '';
      this.text.input.focus();
    });
    return this.form;
  }

  onEvent(message) {
    if (message.type === 'message' && message.contactId === this.contactId) {
      this.log.add([message.message]);
      this.markRead();
    } else if (message.type === 'catch-up') {
      this.history.fillGap(store.contact(this.contactId)?.lastMessage).then((looked) => looked && this.markRead());
    }
  }

  contactChanged() {
    if (!store.contact(this.contactId)) {
      this.ended(`${this.name} is no longer your contact.`);
      return;
    }
    this.drawPresence();
    this.markRead();
  }

  drawPresence() {
    const state = store.contact(this.contactId)?.presence || '';
    this.view.dataset.presence = state || 'unknown';
    this.presence.dataset.presence = state || 'unknown';
    this.presence.textContent = presenceText(state);
  }

  /** Moves my read marker to the newest message shown, while the page is in view and something is unread. */
  markRead() {
    const contact = store.contact(this.contactId);
    const newest = this.log.newest();
    if (document.visibilityState !== 'visible' || !contact || contact.unread === 0 || !newest
        || newest.messageId === this.readSent) {
      return;
    }
    this.readSent = newest.messageId;
    people.markRead(this.contactId, newest.messageId).catch(() => {
      this.readSent = null;
    });
  }

  async loadOlder() {
    try {
      await this.history.loadOlder();
    } catch (error) {
      this.problem.set(error.detail || error.message);
    }
  }

  async call() {
    this.callButton.disabled = true;
    this.problem.clear();
    try {
      await callContact(store.contact(this.contactId) || this.contact);
    } catch (error) {
      this.callButton.disabled = false;
      this.problem.set(error.detail || error.message);
    }
  }

  refused(error, item) {
    this.log.removePending(item.clientMessageId);
    if (!this.text.input.value) {
      this.text.input.value = item.text; // nothing typed is lost: it comes back to be fixed
    }
    const textError = error.errors.find((entry) => entry.field === 'text');
    if (textError) {
      this.text.setError(textError.message);
    } else {
      this.problem.set(error.detail || error.message);
    }
    if (error.status === 403) {
      this.ended(error.detail || `You can no longer write to ${this.name}.`);
    }
  }

  /** The contact ended (removed, blocked, on this device or another): nothing more can be sent or called. */
  ended(text) {
    this.notice.textContent = text;
    this.notice.hidden = false;
    this.callButton.disabled = true;
    for (const control of this.form.elements) {
      control.disabled = true;
    }
  }
}
