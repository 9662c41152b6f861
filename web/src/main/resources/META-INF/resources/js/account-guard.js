// What the pages for signed-in people share: someone signed out is sent to /signin (and brought back after); a page
// whose session ends while it is open (signed out in another tab, the session revoked) says so instead of failing
// on every click; a page that was left ignores the answers that arrive late.
import * as session from './account-session.js';
import { h, show } from './dom.js';
import { navigate, onLeave, withNext } from './router.js';

/**
 * Runs `render(page)` for a signed-in person, where `page.alive()` tells whether the view is still the current one.
 * Returns false (and goes to /signin?next=…) for someone signed out.
 */
export function accountPage(root, render) {
  const here = location.pathname + location.search;
  if (!session.isSignedIn()) {
    navigate(withNext('/signin', here), { replace: true });
    return false;
  }
  let alive = true;
  const accountId = session.currentAccount().accountId;
  const unsubscribe = session.onChange((account) => {
    if (!alive) {
      return;
    }
    if (!account) {
      alive = false;
      showSignedOut(root, here);
    } else if (account.accountId !== accountId) {
      navigate(here, { replace: true }); // another account signed in (in another tab): show its page
    }
  });
  onLeave(() => {
    alive = false;
    unsubscribe();
  });
  render({ alive: () => alive });
  return true;
}

/** The session ended while the page was open. */
export function showSignedOut(root, here) {
  document.title = 'Signed out · Parley';
  show(root, h('section', {
    className: 'account-page narrow', 'data-page': 'signed-out', 'aria-labelledby': 'signed-out-title',
  },
    h('h1', { id: 'signed-out-title' }, 'You are signed out'),
    h('p', {}, 'Your session on this device ended. Sign in again to continue.'),
    h('div', { className: 'actions' },
      h('a', { id: 'signin-again', className: 'button primary', href: withNext('/signin', here), 'data-link': true },
        'Sign in'),
      h('a', { className: 'button secondary', href: '/' }, 'Start page'))));
}

/** A page that could not be loaded: the problem's detail and "Try again". */
export function showLoadProblem(root, { page, title, error, onRetry }) {
  document.title = `${title} · Parley`;
  show(root, h('section', { className: 'account-page', 'data-page': page, 'aria-labelledby': 'load-problem-title' },
    h('h1', { id: 'load-problem-title' }, title),
    h('p', { id: 'load-error', className: 'form-error', role: 'alert' }, error.detail || error.message),
    h('div', { className: 'actions' },
      onRetry ? h('button', { type: 'button', id: 'load-retry', className: 'primary', onclick: onRetry }, 'Try again')
        : null,
      h('a', { className: 'button secondary', href: '/', 'data-link': true }, 'Start page'))));
}

/** "Loading…" in the page's frame (`data-page="loading"`, `data-for` the page that is coming). */
export function showLoading(root, page, text = 'Loading…') {
  show(root, h('section', { className: 'account-page', 'data-page': 'loading', 'data-for': page },
    h('p', { className: 'loading' }, text)));
}
