// Form pieces of the account and organization pages: labelled fields whose error appears under them, a form-level
// error, and the mapping of a problem's `errors: [{field, message}]` onto the fields. An error element exists only
// while there is an error (class `form-error`, id `<field id>-error` or `<form id>-error`, role="alert"), so
// `.form-error` always finds a visible message. Text only through textContent (dom.js).
import { h } from './dom.js';

/** An error slot: `set(text)` shows it (after `anchor`, or inside `parent`), `clear()` removes it. */
function errorSlot(id, place) {
  let element = null;
  return {
    set(text) {
      if (!element) {
        element = h('p', { id, className: 'form-error', role: 'alert' });
        place(element);
      }
      element.textContent = text;
      return element;
    },
    clear() {
      element?.remove();
      element = null;
    },
    get element() {
      return element;
    },
  };
}

/**
 * A labelled control: field({id, label, hint, control}) where `control` is the input or select (it gets `id`), or
 * the props of an input. Returns {element, input, setError, clearError}.
 */
export function field({ id, label, hint, control, props = {} }) {
  const input = control || h('input', { id, ...props });
  input.id = id;
  const hintElement = hint ? h('p', { id: `${id}-hint`, className: 'hint' }, hint) : null;
  const describedBy = hintElement ? `${id}-hint` : '';
  if (describedBy) {
    input.setAttribute('aria-describedby', describedBy);
  }
  const element = h('div', { className: 'field' }, h('label', { for: id }, label), input, hintElement);
  const slot = errorSlot(`${id}-error`, (error) => element.append(error));
  return {
    element,
    input,
    setError(text) {
      slot.set(text);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [describedBy, `${id}-error`].filter(Boolean).join(' '));
    },
    clearError() {
      slot.clear();
      input.removeAttribute('aria-invalid');
      if (describedBy) {
        input.setAttribute('aria-describedby', describedBy);
      } else {
        input.removeAttribute('aria-describedby');
      }
    },
  };
}

/** The error of a whole form, shown in `container` (placed where the form wants its messages). */
export function formError(id, container) {
  return errorSlot(id, (error) => container.append(error));
}

/**
 * Shows an ApiError on a form: every `errors[]` entry under its field (`fields` maps the server's field names to
 * field()s), anything else — or the detail when there are no field errors — as the form's error. Focuses the first
 * field in error.
 */
export function showProblem(error, { fields = {}, form }) {
  const entries = error && Array.isArray(error.errors) ? error.errors : [];
  const rest = [];
  let first = null;
  for (const entry of entries) {
    const target = fields[entry.field];
    if (target) {
      target.setError(entry.message || 'This is not right.');
      first = first || target;
    } else {
      rest.push(entry.message);
    }
  }
  if (entries.length === 0) {
    form.set((error && (error.detail || error.message)) || 'Something went wrong.');
  } else if (rest.length > 0) {
    form.set(rest.join(' '));
  }
  first?.input.focus();
}

/** Clears the errors of `fields` and of the form. */
export function clearProblems(fields, form) {
  for (const target of fields) {
    target.clearError();
  }
  form.clear();
}

/** Unicode characters, as the server counts a password's length (code points, not UTF-16 units). */
export function characterCount(text) {
  return [...text].length;
}

/** A polite status line (successes, progress). */
export function statusLine(id) {
  return h('p', { id, className: 'form-status', role: 'status', 'aria-live': 'polite' });
}
