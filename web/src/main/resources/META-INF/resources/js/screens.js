// One screen for every way a meeting can end or fail to start. Each has a stable data-screen name (the browser tests
// and the docs use it), a heading that takes focus, and the actions that make sense from there.
import { h, show } from './dom.js';
import { withNext } from './router.js';

const SCREENS = {
  ended: {
    title: 'The meeting has ended',
    text: 'The host ended this meeting for everyone.',
  },
  removed: {
    title: 'You were removed from the meeting',
    text: 'The host removed you. You cannot rejoin with this invitation.',
  },
  'stream-limit': {
    title: 'Too many calls at once',
    text: 'Your account is already in as many calls as it may be at the same time. Leave one of them, then try again.',
    retry: true,
  },
  full: {
    title: 'The meeting is full',
    text: 'This meeting has as many participants as it allows.',
  },
  locked: {
    title: 'The meeting is locked',
    text: 'The host locked this meeting, so nobody new can join.',
  },
  'not-found': {
    title: 'No such meeting',
    text: 'This link does not lead to a meeting. It may have expired, or the address is mistyped.',
  },
  'bad-token': {
    title: 'Your invitation is no longer valid',
    text: 'It may have expired. Join again to get a new one.',
    rejoin: true,
  },
  replaced: {
    title: 'You joined from somewhere else',
    text: 'This meeting is open in another tab or window, which took over.',
    retry: 'Use this tab instead',
  },
  'connection-lost': {
    title: 'Connection lost',
    text: 'Parley cannot reach the server. Check your network; your place in the meeting is kept for a while.',
    retry: 'Try again',
  },
  left: {
    title: 'You left the meeting',
    text: 'Thanks for joining.',
    retry: 'Rejoin',
  },
  'sign-in-required': {
    title: 'Sign in to join',
    text: 'This meeting is only for signed-in people: members of its organization, or the people its host invited.',
    signIn: true,
  },
  'not-invited': {
    title: 'This meeting is not open to you',
    text: 'It is only for members of its organization, or for the people its host invited.',
  },
  error: {
    title: 'Something went wrong',
    text: '',
    retry: 'Try again',
  },
};

/**
 * Shows the screen `kind`. Options: detail (extra text), meetingRef (for the links), onRetry (the retry button),
 * onRejoin (asks for a name again), qualityLink (offer the call-quality page).
 */
export function showScreen(root, kind, { detail, meetingRef, onRetry, onRejoin, qualityLink = false } = {}) {
  const screen = SCREENS[kind] || SCREENS.error;
  const actions = h('div', { className: 'actions' });
  if (screen.retry && onRetry) {
    actions.append(h('button', { type: 'button', id: 'screen-retry', className: 'primary', onclick: onRetry },
      typeof screen.retry === 'string' ? screen.retry : 'Try again'));
  }
  if (screen.rejoin && onRejoin) {
    actions.append(h('button', { type: 'button', id: 'screen-rejoin', className: 'primary', onclick: onRejoin },
      'Join again'));
  }
  if (screen.signIn) {
    actions.append(h('a', {
      id: 'screen-signin', className: 'button primary', href: withNext('/signin'), 'data-link': true,
    }, 'Sign in'));
  }
  if (qualityLink && meetingRef) {
    actions.append(h('a', { className: 'button', href: `/m/${encodeURIComponent(meetingRef)}/quality` },
      'See the call quality'));
  }
  actions.append(h('a', { className: 'button secondary', href: '/' }, 'Start a new meeting'));
  const view = h('section', { className: 'screen', 'data-screen': kind, 'aria-labelledby': 'screen-title' },
    h('h1', { id: 'screen-title' }, screen.title),
    screen.text ? h('p', {}, screen.text) : null,
    detail ? h('p', { className: 'detail' }, detail) : null,
    actions);
  show(root, view);
  document.title = `${screen.title} · Parley`;
  return view;
}

/** Camera and microphone could not be used: explain, and offer to join without them or to try again. */
export function showMediaProblem(root, { error, detail, onJoinWithout, onRetry }) {
  const denied = error === 'denied';
  const view = h('section', { className: 'screen', 'data-screen': 'media-denied', 'aria-labelledby': 'screen-title' },
    h('h1', { id: 'screen-title' }, denied ? 'Camera and microphone are blocked'
      : 'No camera or microphone available'),
    h('p', {}, denied
      ? 'Parley was not allowed to use your camera and microphone. Allow them in your browser\'s site settings and '
        + 'try again, or join without them: you will see and hear the others, they will not see or hear you.'
      : 'Parley could not find or start a camera or microphone. You can still join to see and hear the others.'),
    detail ? h('p', { className: 'detail' }, detail) : null,
    h('div', { className: 'actions' },
      h('button', { type: 'button', id: 'join-without-media', className: 'primary', onclick: onJoinWithout },
        'Join without camera and microphone'),
      h('button', { type: 'button', id: 'retry-media', className: 'secondary', onclick: onRetry }, 'Try again')));
  show(root, view);
  document.title = 'Camera and microphone · Parley';
  return view;
}
