// Contacts, direct messages and calls for a signed-in person (docs/web-client.md, "Contacts and calls"): their pages
// (/contacts, /contacts/{id}), the user socket, the incoming-call banner on every page and the call in progress.
// index.html loads this module before app.js, so its pages are registered before the first route is drawn. The
// socket runs while someone is signed in, and starts over for another account.
import * as session from './account-session.js';
import { mountCallSession } from './call-session.js';
import { previewOf } from './contacts-logic.js';
import { renderContacts } from './contacts-page.js';
import * as store from './contacts-store.js';
import { renderConversation } from './conversation.js';
import { toast } from './dom.js';
import { mountIncomingCalls } from './incoming-call.js';
import { notifyIfHidden } from './notices.js';
import { addView, navigate, withNext } from './router.js';
import { UserSocket } from './user-socket.js';

const root = document.getElementById('app');
addView('contacts', () => renderContacts(root));
addView('contact', (route) => renderConversation(root, route.contactId));

/** What a person hears of outside the page they are on: a contact request, a message while the tab is hidden. */
function announce(message) {
  if (message.type === 'contact-request') {
    const name = message.from?.displayName || 'Someone';
    toast(`${name} wants to be your contact.`);
    notifyIfHidden({ title: 'Contact request', body: `${name} wants to be your contact.`, tag: message.requestId,
      path: '/contacts' });
  } else if (message.type === 'message' && message.message?.senderId !== store.currentAccountId()) {
    const contact = store.contact(message.contactId);
    notifyIfHidden({ title: contact?.account.displayName || 'New message', body: previewOf(message.message, null),
      tag: message.contactId, path: `/contacts/${encodeURIComponent(message.contactId)}` });
  }
}

const socket = new UserSocket({
  onMessage: (message) => {
    store.apply(message);
    announce(message);
  },
  onStatus: (state) => {
    store.setSocketStatus(state);
    document.documentElement.dataset.userSocket = state; // on every page, for tests and styling
  },
  onRevoked: () => {
    if (session.isSignedIn()) {
      const here = location.pathname + location.search;
      session.sessionEnded(); // every tab of this browser shares the revoked sign-in
      navigate(withNext('/signin', here), { replace: true });
    }
  },
});

let following = null;

function follow(account) {
  const accountId = account ? account.accountId : null;
  if (accountId === following) {
    return;
  }
  following = accountId;
  socket.stop();
  store.reset(accountId);
  if (accountId) {
    socket.start();
    store.loadRingingCalls().catch(() => {}); // the socket's catch-up lists them too
  }
}

mountIncomingCalls();
mountCallSession();
session.onChange(follow);
session.ready().then(() => follow(session.currentAccount()));
