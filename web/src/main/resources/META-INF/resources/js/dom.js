// Small DOM helpers. Everything a user or a peer typed reaches the page through textContent, never as HTML, and
// nothing sets inline styles: the gateway's CSP (style-src 'self') would refuse them.

/**
 * h('button', {className: 'primary', type: 'button', onclick: fn, 'aria-pressed': 'true'}, 'Mute')
 * Properties that exist on the element are assigned (className, type, value, disabled, on* handlers…); any other
 * key (aria-*, data-*, for, role…) becomes an attribute. Children are nodes or text; null/false are skipped.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key in element && !key.includes('-')) {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces the content of the app root and moves focus to the new view's heading, for screen reader users. */
export function show(root, view) {
  root.replaceChildren(view);
  const heading = view.querySelector('h1, h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

/** A short message in the live region at the bottom of the page. */
export function toast(text, { kind = 'info', ms = 5000 } = {}) {
  const region = document.getElementById('toasts');
  if (!region) {
    return;
  }
  const item = h('p', { className: `toast toast-${kind}` }, text);
  region.append(item);
  setTimeout(() => item.remove(), ms);
}

export function formatClock(totalSeconds) {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** A random id for this page's sessions and peer connections; crypto.randomUUID needs a secure context. */
export function randomId() {
  if (globalThis.crypto?.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A date and time in the reader's locale, or '' for a missing or malformed one. */
export function formatDateTime(iso) {
  const date = new Date(iso);
  return iso && !Number.isNaN(date.getTime())
    ? date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '';
}
