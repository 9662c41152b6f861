// Client-side routing on location.pathname. The gateway answers /, /m/{meeting} and /m/{meeting}/quality with the
// same index.html. Moving between views with pushState keeps the page (and so the user's click, which lets the
// call's audio start playing) instead of loading it again.

let render = () => {};
let leaveCurrent = () => {};

/** A route of the app: {view: 'start' | 'meeting' | 'quality' | 'not-found', meetingRef?}. */
export function parse(pathname) {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) {
    return { view: 'start' };
  }
  if (parts[0] === 'm' && parts.length === 2) {
    return { view: 'meeting', meetingRef: parts[1] };
  }
  if (parts[0] === 'm' && parts.length === 3 && parts[2] === 'quality') {
    return { view: 'quality', meetingRef: parts[1] };
  }
  return { view: 'not-found' };
}

export function start(renderRoute) {
  render = renderRoute;
  window.addEventListener('popstate', () => {
    leaveCurrent();
    leaveCurrent = () => {};
    render(parse(location.pathname));
  });
  render(parse(location.pathname));
}

export function navigate(path, { replace = false } = {}) {
  leaveCurrent();
  leaveCurrent = () => {};
  if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  render(parse(location.pathname));
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
