// /orgs/{id}: the organization's stream limit (concurrent streams per member), shown to everyone, set by owners
// and admins.
import { h } from './dom.js';
import { clearProblems, field, formError, showProblem, statusLine } from './forms.js';
import { people } from './people-api.js';
import { manages } from './org-roles.js';

export const STREAM_LIMIT_MIN = 1;
export const STREAM_LIMIT_MAX = 20;

/** A whole number from 1 to 20, or null. */
export function streamLimitFrom(text) {
  const value = String(text ?? '').trim();
  if (!/^\d{1,2}$/.test(value)) {
    return null;
  }
  const number = Number(value);
  return number >= STREAM_LIMIT_MIN && number <= STREAM_LIMIT_MAX ? number : null;
}

export function limitSection(org) {
  const current = org.maxConcurrentStreams;
  const currentText = () => (org.maxConcurrentStreams
    ? `Each member may be in at most ${org.maxConcurrentStreams} calls at once.`
    : 'No limit set for the organization: the platform\'s default applies.');
  const summary = h('p', { id: 'org-limit-current', 'data-value': current ?? '' }, currentText());
  if (!manages(org.role)) {
    return h('section', { className: 'card', id: 'limits', 'aria-labelledby': 'limits-title' },
      h('h2', { id: 'limits-title' }, 'Stream limit'), summary);
  }
  const limit = field({
    id: 'org-limit', label: 'Streams each member may hold at once',
    hint: `A whole number from ${STREAM_LIMIT_MIN} to ${STREAM_LIMIT_MAX}. Takes effect within seconds.`,
    props: { type: 'number', name: 'maxConcurrentStreams', min: STREAM_LIMIT_MIN, max: STREAM_LIMIT_MAX, step: 1,
      inputMode: 'numeric', required: true, value: current ?? '' },
  });
  const submit = h('button', { type: 'submit', id: 'org-limit-submit', className: 'primary' }, 'Save limit');
  const messages = h('div', { className: 'form-messages' });
  const problem = formError('limits-error', messages);
  const status = statusLine('org-limit-status');
  messages.append(status);
  const form = h('form', { id: 'limits-form', noValidate: true },
    limit.element, h('div', { className: 'actions' }, submit), messages);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems([limit], problem);
    status.textContent = '';
    const value = streamLimitFrom(limit.input.value);
    if (value === null) {
      limit.setError(`Enter a whole number from ${STREAM_LIMIT_MIN} to ${STREAM_LIMIT_MAX}.`);
      limit.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      const saved = await people.setStreamLimit(org.orgId, value);
      org.maxConcurrentStreams = saved?.maxConcurrentStreams ?? value;
      summary.textContent = currentText();
      summary.dataset.value = String(org.maxConcurrentStreams);
      status.textContent = 'Saved.';
    } catch (error) {
      showProblem(error, { fields: { maxConcurrentStreams: limit }, form: problem });
    } finally {
      submit.disabled = false;
    }
  });
  return h('section', { className: 'card', id: 'limits', 'aria-labelledby': 'limits-title' },
    h('h2', { id: 'limits-title' }, 'Stream limit'), summary, form);
}
