// /account, sessions: where the account is signed in (device, last use), signing out one of them or everywhere.
import * as session from './account-session.js';
import { formatDateTime, h, toast } from './dom.js';
import { formError, statusLine } from './forms.js';
import { people } from './people-api.js';
import { navigate } from './router.js';

/** "Chrome on Android" from a User-Agent header; the whole header stays available as the title. */
export function deviceName(userAgent) {
  const ua = userAgent || '';
  const browser = [['Edg/', 'Edge'], ['OPR/', 'Opera'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'],
    ['Chromium/', 'Chromium'], ['Safari/', 'Safari']].find(([mark]) => ua.includes(mark));
  const system = [['Android', 'Android'], ['iPhone', 'iPhone'], ['iPad', 'iPad'], ['CrOS', 'ChromeOS'],
    ['Windows', 'Windows'], ['Mac OS X', 'macOS'], ['Linux', 'Linux']].find(([mark]) => ua.includes(mark));
  if (!browser && !system) {
    return ua ? 'Other device' : 'Unknown device';
  }
  return [browser ? browser[1] : 'A browser', system ? `on ${system[1]}` : null].filter(Boolean).join(' ');
}

export function sessionsSection(initial) {
  const list = h('ul', { id: 'session-list', className: 'item-list' });
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('sessions-error', messages);
  const status = statusLine('sessions-status');
  messages.append(status);

  const fill = (sessions) => {
    const sorted = [...sessions].sort((a, b) => (b.current - a.current)
      || String(b.lastUsedAt).localeCompare(String(a.lastUsedAt)));
    list.replaceChildren(...sorted.map(item));
    list.dataset.count = String(sorted.length);
  };
  const reload = async () => {
    try {
      fill((await people.sessions()).sessions || []);
    } catch (error) {
      problem.set(error.detail || error.message);
    }
  };
  const item = (entry) => {
    const button = h('button', {
      type: 'button', className: 'secondary small session-signout', 'data-testid': 'session-signout',
      'aria-label': entry.current ? 'Sign out on this device' : `Sign out ${deviceName(entry.userAgent)}`,
    }, 'Sign out');
    button.addEventListener('click', async () => {
      problem.clear();
      button.disabled = true;
      if (entry.current) {
        await session.signOut();
        toast('You are signed out.');
        navigate('/');
        return;
      }
      try {
        await people.endSession(entry.sessionId);
        status.textContent = `Signed out ${deviceName(entry.userAgent)}.`;
        await reload();
      } catch (error) {
        button.disabled = false;
        problem.set(error.detail || error.message);
      }
    });
    return h('li', {
      className: 'item session', 'data-session-id': entry.sessionId, 'data-current': entry.current ? 'true' : 'false',
    },
    h('div', { className: 'item-main' },
      h('span', { className: 'item-title', title: entry.userAgent || '' }, deviceName(entry.userAgent)),
      entry.current ? h('span', { className: 'badge' }, 'This device') : null,
      h('span', { className: 'item-detail' },
        [entry.clientAddress, `last used ${formatDateTime(entry.lastUsedAt)}`,
          `signed in ${formatDateTime(entry.createdAt)}`].filter(Boolean).join(' · '))),
    h('div', { className: 'item-actions' }, button));
  };

  const everywhere = h('button', { type: 'button', id: 'signout-everywhere', className: 'danger' },
    'Sign out everywhere');
  everywhere.addEventListener('click', async () => {
    problem.clear();
    everywhere.disabled = true;
    try {
      await people.endAllSessions();
    } catch (error) {
      everywhere.disabled = false;
      problem.set(error.detail || error.message);
      return;
    }
    await session.signOut(); // this session ended with the others; clears the cookie too
    toast('You are signed out on every device.');
    navigate('/');
  });

  fill(initial);
  const element = h('section', { className: 'card', id: 'sessions', 'aria-labelledby': 'sessions-title' },
    h('h2', { id: 'sessions-title' }, 'Where you are signed in'),
    list,
    h('div', { className: 'actions' }, everywhere),
    messages);
  return { element, reload };
}
