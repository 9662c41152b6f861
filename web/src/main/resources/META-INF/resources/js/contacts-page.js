// /contacts: ask someone to become a contact by email (202 whether or not the address is an account's, so the page
// says "request sent" either way), the requests waiting for me (accept, decline) and mine, my contacts with presence,
// unread count and last message (a link to the conversation), removing and blocking, and the people I blocked. The
// lists follow the user socket through contacts-store.js while the page is open.
import { accountPage, showLoading, showLoadProblem } from './account-guard.js';
import { endButtons } from './contact-actions.js';
import { presenceText, previewOf } from './contacts-logic.js';
import * as store from './contacts-store.js';
import { formatDateTime, h, show, toast } from './dom.js';
import { clearProblems, field, formError, showProblem, statusLine } from './forms.js';
import { askForNotifications, notificationsState } from './notices.js';
import { people } from './people-api.js';

export function renderContacts(root) {
  accountPage(root, (page) => load(root, page));
}

async function load(root, page) {
  showLoading(root, 'contacts');
  let blocks;
  try {
    [blocks] = await Promise.all([people.blocks(), store.loadContacts(), store.loadRequests()]);
  } catch (error) {
    if (page.alive() && error.status !== 401) {
      showLoadProblem(root, { page: 'contacts', title: 'Contacts', error, onRetry: () => load(root, page) });
    }
    return;
  }
  if (!page.alive()) {
    return;
  }
  document.title = 'Contacts · Parley';
  const requests = h('section', { className: 'card', id: 'requests-card', 'aria-labelledby': 'requests-title' });
  const list = h('section', { className: 'card', id: 'contacts-card', 'aria-labelledby': 'contacts-title' });
  const blocked = blockedSection(page, blocks?.blocks);
  const draw = () => {
    drawRequests(requests);
    drawContacts(list, blocked);
  };
  const unsubscribe = store.subscribe((what) => {
    if (!page.alive()) {
      unsubscribe();
    } else if (what !== 'calls') {
      draw();
    }
  });
  draw();
  show(root, h('section', { className: 'account-page', 'data-page': 'contacts', 'aria-labelledby': 'contacts-page-title' },
    h('h1', { id: 'contacts-page-title' }, 'Contacts'),
    socketStatusLine(page),
    addForm(),
    requests,
    list,
    notificationsOffer(),
    blocked.element));
}

/** Whether new messages arrive by themselves right now (`data-state` = the user socket's state). */
function socketStatusLine(page) {
  const TEXT = { connected: 'Up to date: new messages arrive as they are sent.', connecting: 'Connecting…',
    reconnecting: 'Reconnecting… new messages show once the connection is back.', stopped: '' };
  const line = h('p', { id: 'user-socket-status', className: 'hint live-status' });
  const update = () => {
    line.dataset.state = store.socketStatus();
    line.textContent = TEXT[store.socketStatus()] ?? '';
  };
  const unsubscribe = store.subscribe((what) => {
    if (!page.alive()) {
      unsubscribe();
    } else if (what === 'socket') {
      update();
    }
  });
  update();
  return line;
}

function addForm() {
  const email = field({ id: 'contact-email', label: 'Email address',
    props: { type: 'email', required: true, autocomplete: 'off', maxLength: 320 },
    hint: 'They get your request when they have an account with this address, now or later.' });
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('contact-add-error', messages);
  const status = statusLine('contact-add-status');
  messages.append(status);
  const submit = h('button', { type: 'submit', id: 'contact-add', className: 'primary' }, 'Send request');
  const form = h('form', { className: 'card', id: 'contact-add-form', 'aria-labelledby': 'contact-add-title' },
    h('h2', { id: 'contact-add-title' }, 'Add a contact'), email.element, h('div', {}, submit), messages);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems([email], problem);
    status.textContent = '';
    const address = email.input.value.trim();
    if (!address) {
      email.setError('Enter the email address of the person to add.');
      email.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      await people.requestContact(address);
      status.textContent = `Request sent to ${address}.`;
      email.input.value = '';
      store.loadRequests().catch(() => {});
    } catch (error) {
      showProblem(error, { fields: { email }, form: problem });
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function drawRequests(card) {
  const requests = store.contactRequests() || { incoming: [], outgoing: [] };
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('requests-error', messages);
  const incoming = requests.incoming.map((request) => {
    const name = request.from?.displayName || 'Someone';
    const act = async (button, action) => {
      problem.clear();
      button.disabled = true;
      try {
        if (action === 'accept') {
          store.accepted(await people.acceptContact(request.requestId));
          toast(`${name} is now a contact.`);
        } else {
          await people.declineContact(request.requestId);
        }
        await store.loadRequests();
      } catch (error) {
        button.disabled = false;
        problem.set(error.detail || error.message);
      }
    };
    const accept = h('button', { type: 'button', className: 'small primary request-accept' }, 'Accept');
    const decline = h('button', { type: 'button', className: 'small secondary request-decline' }, 'Decline');
    accept.addEventListener('click', () => act(accept, 'accept'));
    decline.addEventListener('click', () => act(decline, 'decline'));
    return h('li', { className: 'item', 'data-request-id': request.requestId, 'data-account-id': request.from?.accountId },
      h('div', { className: 'item-main' },
        h('span', { className: 'item-title request-name' }, name),
        h('span', { className: 'item-detail' }, `wants to be your contact · ${formatDateTime(request.createdAt)}`)),
      h('div', { className: 'item-actions' }, accept, decline));
  });
  const outgoing = requests.outgoing.map((request) => h('li', { className: 'item', 'data-request-id': request.requestId },
    h('div', { className: 'item-main' },
      h('span', { className: 'item-title request-email' }, request.email),
      h('span', { className: 'item-detail' }, `asked ${formatDateTime(request.createdAt)}, no answer yet`))));
  card.hidden = incoming.length === 0 && outgoing.length === 0;
  card.replaceChildren(h('h2', { id: 'requests-title' }, 'Requests'),
    incoming.length > 0 ? h('ul', { id: 'contact-requests', className: 'item-list', 'aria-label': 'Asking you' },
      ...incoming) : null,
    outgoing.length > 0 ? h('ul', { id: 'contact-outgoing', className: 'item-list', 'aria-label': 'Asked by you' },
      ...outgoing) : null,
    messages);
}

function drawContacts(card, blocked) {
  const contacts = store.contactList();
  const selfId = store.currentAccountId();
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('contacts-error', messages);
  const rows = contacts.map((contact) => {
    const name = contact.account.displayName || 'Contact';
    const unread = contact.unread > 0 ? h('span', { className: 'badge unread-badge', 'aria-label': `${contact.unread} unread` },
      String(contact.unread)) : null;
    return h('li', {
      className: 'item contact', 'data-contact-id': contact.contactId, 'data-account-id': contact.account.accountId,
      'data-presence': contact.presence || 'unknown', 'data-unread': String(contact.unread),
    },
    h('div', { className: 'item-main' },
      h('span', { className: 'presence-dot', 'aria-hidden': 'true' }),
      h('a', { className: 'item-title contact-link', href: `/contacts/${encodeURIComponent(contact.contactId)}`,
        'data-link': true }, name),
      contact.presence ? h('span', { className: 'presence-text' }, presenceText(contact.presence)) : null,
      unread,
      h('span', { className: 'item-detail contact-last' }, previewOf(contact.lastMessage, selfId) || 'No messages yet')),
    h('div', { className: 'item-actions' }, ...endButtons(contact, { problem, onBlocked: () => blocked.reload() })));
  });
  card.replaceChildren(h('h2', { id: 'contacts-title' }, 'Your contacts'),
    rows.length > 0 ? h('ul', { id: 'contact-list', className: 'item-list' }, ...rows)
      : h('p', { id: 'contact-empty' }, 'No contacts yet. Add someone by their email address.'),
    messages);
}

function notificationsOffer() {
  const state = notificationsState();
  if (state !== 'default') {
    return null;
  }
  const button = h('button', { type: 'button', id: 'enable-notifications', className: 'secondary' },
    'Notify me of messages and calls');
  const card = h('section', { className: 'card', 'aria-label': 'Notifications' },
    h('p', { className: 'hint' }, 'While Parley is in a hidden tab, your browser can tell you of new messages and calls.'),
    h('div', {}, button));
  button.addEventListener('click', async () => {
    const answer = await askForNotifications();
    card.replaceChildren(h('p', { className: 'hint' }, answer === 'granted'
      ? 'Notifications are on for this browser.' : 'Notifications stay off: your browser did not allow them.'));
  });
  return card;
}

function blockedSection(page, initial) {
  const card = h('section', { className: 'card', id: 'blocks-card', 'aria-labelledby': 'blocks-title' });
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('blocks-error', messages);
  const draw = (blocks) => {
    const list = Array.isArray(blocks) ? blocks : [];
    card.hidden = list.length === 0;
    card.replaceChildren(h('h2', { id: 'blocks-title' }, 'Blocked'),
      h('ul', { id: 'block-list', className: 'item-list' }, ...list.map((entry) => {
        const unblock = h('button', { type: 'button', className: 'small secondary unblock' }, 'Unblock');
        unblock.addEventListener('click', async () => {
          unblock.disabled = true;
          try {
            await people.unblock(entry.accountId);
            await reload();
          } catch (error) {
            unblock.disabled = false;
            problem.set(error.detail || error.message);
          }
        });
        return h('li', { className: 'item', 'data-account-id': entry.accountId },
          h('div', { className: 'item-main' }, h('span', { className: 'item-title' }, entry.displayName || 'Someone')),
          h('div', { className: 'item-actions' }, unblock));
      })), messages);
  };
  const reload = async () => {
    const answer = await people.blocks();
    if (page.alive()) {
      draw(answer?.blocks);
    }
  };
  draw(initial);
  return { element: card, reload: () => reload().catch(() => {}) };
}
