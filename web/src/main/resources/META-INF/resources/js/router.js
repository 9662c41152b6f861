// Client-side routing on location.pathname. The gateway answers /, /m/{meeting}, /m/{meeting}/quality and
// /m/{meeting}/recordings (all of /m/**), and the account pages (/signin, /signup, /account, /meetings, /orgs,
// /orgs/{id}, /invite/{token}, /contacts, /contacts/{id}) with the same index.html. Moving between views with
// pushState keeps the page (and so the user's click, which lets the call's audio start playing, and the signed-in
// account, which lives in memory) instead of loading it again.

let render = () => {};
let leaveCurrent = () => {};
/** Views drawn by a module of their own (addView) rather than by app.js; guards that see every route first. */
const views = new Map();
const guards = [];

/** Account pages without parameters: path → view. */
const ACCOUNT_VIEWS = {
  signin: 'signin', signup: 'signup', account: 'account', meetings: 'meetings', orgs: 'orgs', contacts: 'contacts',
};

/**
 * A route of the app: {view: 'start' | 'meeting' | 'quality' | 'recordings' | 'signin' | 'signup' | 'account' |
 * 'meetings' | 'orgs' | 'org' | 'org-quality' | 'invite' | 'contacts' | 'contact' | 'not-found', meetingRef?, orgId?,
 * token?, contactId?}.
 */
export function parse(pathname) {
  let parts;
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { view: 'not-found' }; // a malformed %-escape
  }
  if (parts.length === 0) {
    return { view: 'start' };
  }
  if (parts.length === 1 && Object.hasOwn(ACCOUNT_VIEWS, parts[0])) {
    return { view: ACCOUNT_VIEWS[parts[0]] };
  }
  if (parts[0] === 'orgs' && parts.length === 2) {
    return { view: 'org', orgId: parts[1] };
  }
  if (parts[0] === 'orgs' && parts.length === 3 && parts[2] === 'quality') {
    return { view: 'org-quality', orgId: parts[1] };
  }
  if (parts[0] === 'contacts' && parts.length === 2) {
    return { view: 'contact', contactId: parts[1] };
  }
  if (parts[0] === 'invite' && parts.length === 2) {
    return { view: 'invite', token: parts[1] };
  }
  if (parts[0] === 'm' && parts.length === 2) {
    return { view: 'meeting', meetingRef: parts[1] };
  }
  if (parts[0] === 'm' && parts.length === 3 && parts[2] === 'quality') {
    return { view: 'quality', meetingRef: parts[1] };
  }
  if (parts[0] === 'm' && parts.length === 3 && parts[2] === 'recordings') {
    return { view: 'recordings', meetingRef: parts[1] };
  }
  return { view: 'not-found' };
}

export function start(renderRoute) {
  render = renderRoute;
  window.addEventListener('popstate', () => {
    leaveCurrent();
    leaveCurrent = () => {};
    showCurrent();
  });
  showCurrent();
}

/** Draws the view of the current address, after the guards had their say. */
function showCurrent() {
  let route = parse(location.pathname);
  for (const guard of guards) {
    const instead = guard(route);
    if (instead) {
      history.replaceState(null, '', instead);
      route = parse(location.pathname);
      break;
    }
  }
  (views.get(route.view) || render)(route);
}

/** `renderer(route)` draws `view` instead of the app's own renderer (a feature that brings its pages along). */
export function addView(view, renderer) {
  views.set(view, renderer);
}

/**
 * `guard(route)` runs before every route is drawn: it may follow where the person goes, and answer a path of this
 * site to draw instead (the address is replaced), or nothing.
 */
export function addGuard(guard) {
  guards.push(guard);
}

export function navigate(path, { replace = false } = {}) {
  leaveCurrent();
  leaveCurrent = () => {};
  if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  showCurrent();
}

/**
 * Links marked `data-link` move inside the app (pushState) instead of loading the page again; a click with a
 * modifier key or another button keeps the browser's own behaviour (a new tab, say).
 */
export function interceptLinks(root = document) {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey) {
      return;
    }
    const link = event.target instanceof Element ? event.target.closest('a[data-link]') : null;
    if (!link || link.target || link.hasAttribute('download')) {
      return;
    }
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin) {
      return;
    }
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}

/** A path of this site to go to after signing in (`?next=`), or `fallback`: never another origin. */
export function safeNext(value, fallback = '/') {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return fallback;
  }
  try {
    const url = new URL(value, location.origin);
    return url.origin === location.origin ? url.pathname + url.search + url.hash : fallback;
  } catch {
    return fallback;
  }
}

/** `base` with `?next=` the current page, so that signing in comes back here (not for the start page). */
export function withNext(base, next = location.pathname + location.search) {
  return next && next !== '/' && !next.startsWith('/signin') && !next.startsWith('/signup')
    ? `${base}?next=${encodeURIComponent(next)}` : base;
}

/** What to do when the user navigates away from the current view inside the app (hang up a call, stop timers). */
export function onLeave(callback) {
  leaveCurrent = callback;
}

/** The meeting reference (id or room name) in a pasted link or typed code, or null. */
export function meetingRefFrom(input) {
  const text = (input || '').trim();
  if (!text) {
    return null;
  }
  const match = text.match(/\/m\/([^/?#\s]+)/);
  const ref = match ? decodeURIComponent(match[1]) : text;
  return /^[A-Za-z0-9-]{3,64}$/.test(ref) ? ref.toLowerCase() : null;
}
