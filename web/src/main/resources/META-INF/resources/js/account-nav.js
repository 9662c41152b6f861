// The account part of the header, on every page: "Sign in" for guests; for a signed-in person their display name
// (a link to the account page), Contacts (with the number of unread messages), My meetings, Organizations and
// "Sign out". `#account-nav[data-state]` is `loading` until the page-load refresh answered, then `guest` or
// `signed-in`.
import * as session from './account-session.js';
import * as contacts from './contacts-store.js';
import { h, toast } from './dom.js';
import { navigate, parse, withNext } from './router.js';

/** Views that only make sense signed in: after "Sign out" there, the start page. */
const ACCOUNT_ONLY = new Set(['account', 'meetings', 'orgs', 'org', 'contacts', 'contact']);

export function mountAccountNav(nav) {
  let settled = false;
  const render = () => {
    const account = session.currentAccount();
    if (!account && !settled && session.sessionStatus() === 'unknown') {
      return; // still asking: no flash of "Sign in" for someone who is signed in
    }
    nav.dataset.state = account ? 'signed-in' : 'guest';
    nav.replaceChildren(...(account ? signedIn(account) : guest()));
    showUnread(nav);
  };
  session.onChange(render);
  contacts.subscribe((what) => {
    if (what === 'contacts') {
      showUnread(nav);
    }
  });
  session.ready().then(() => {
    settled = true;
    render();
  });
}

function guest() {
  const link = h('a', { id: 'signin-link', className: 'button secondary small', href: '/signin', 'data-link': true },
    'Sign in');
  // the page to come back to is the one the person is on when they click
  link.addEventListener('click', () => {
    link.href = withNext('/signin');
  }, { capture: true });
  return [link];
}

function signedIn(account) {
  const signOut = h('button', { type: 'button', id: 'signout', className: 'secondary small' }, 'Sign out');
  signOut.addEventListener('click', async () => {
    signOut.disabled = true;
    await session.signOut();
    toast('You are signed out.');
    if (ACCOUNT_ONLY.has(parse(location.pathname).view)) {
      navigate('/');
    }
  });
  return [
    h('a', {
      id: 'account-menu', className: 'account-name', href: '/account', 'data-link': true,
      'data-account-id': account.accountId, title: `Account of ${account.displayName}`,
    }, account.displayName),
    h('a', { id: 'menu-contacts', href: '/contacts', 'data-link': true }, 'Contacts',
      h('span', { id: 'menu-contacts-unread', className: 'badge unread-badge', hidden: true })),
    h('a', { id: 'menu-meetings', href: '/meetings', 'data-link': true }, 'My meetings'),
    h('a', { id: 'menu-orgs', href: '/orgs', 'data-link': true }, 'Organizations'),
    signOut,
  ];
}

/** The number of unread messages over all contacts, beside "Contacts" (hidden at 0). */
function showUnread(nav) {
  const badge = nav.querySelector('#menu-contacts-unread');
  if (!badge) {
    return;
  }
  const unread = contacts.totalUnread();
  badge.hidden = unread === 0;
  badge.textContent = String(unread);
  badge.closest('a').setAttribute('aria-label', unread === 0 ? 'Contacts' : `Contacts, ${unread} unread`);
}
