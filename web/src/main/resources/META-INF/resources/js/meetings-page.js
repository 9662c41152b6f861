// /meetings: the meetings I hosted or joined while signed in (GET /api/me/meetings, newest first, 20 at a time with
// "More"). Each row: title, when I joined, my role, how long it lasted once ended, who was there, and a link to
// open it while it has not ended. Below them my recordings (recordings-list.js). Names and titles are other
// people's text: textContent only (dom.js).
import { accountPage, showLoading, showLoadProblem } from './account-guard.js';
import { formatDateTime, h, show } from './dom.js';
import { formError, statusLine } from './forms.js';
import { people } from './people-api.js';
import { recordingsApi } from './recordings-api.js';
import { RecordingsList } from './recordings-list.js';

export const PAGE_SIZE = 20;
/** Names shown per meeting before "and n more". */
const MAX_NAMES = 12;

const ROLE_NAMES = { host: 'Host', participant: 'Participant' };

/** "under a minute", "12 min", "1 h", "2 h 5 min"; '' when the times are missing or out of order. */
export function formatDuration(fromIso, toIso) {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 0) {
    return '';
  }
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) {
    return 'under a minute';
  }
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) {
    return `${minutes} min`;
  }
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The distinct names of a meeting's participants, in the order they came; a reload or a second tab counts once. */
export function attendeeNames(participants) {
  const seen = new Set();
  const names = [];
  for (const participant of Array.isArray(participants) ? participants : []) {
    const name = typeof participant?.name === 'string' ? participant.name.trim() : '';
    if (name && !seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  }
  return names;
}

/** "Ana, Ben and Chloé", or the first names and "and 4 more". */
export function namesText(names, max = MAX_NAMES) {
  if (names.length === 0) {
    return '';
  }
  if (names.length > max) {
    return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  }
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The address of a meeting that is still open: its room name, else its id. */
export function meetingPath(meeting) {
  return `/m/${encodeURIComponent(meeting.slug || meeting.meetingId)}`;
}

export function renderMeetings(root) {
  accountPage(root, (page) => load(root, page));
}

async function load(root, page) {
  showLoading(root, 'meetings');
  let first;
  try {
    first = await people.meetings(null, PAGE_SIZE);
  } catch (error) {
    if (page.alive() && error.status !== 401) {
      showLoadProblem(root, { page: 'meetings', title: 'My meetings', error, onRetry: () => load(root, page) });
    }
    return; // a 401 ended the session: the guard shows "signed out"
  }
  if (!page.alive()) {
    return;
  }
  document.title = 'My meetings · Parley';
  const recordings = new RecordingsList({
    load: recordingsApi.mine,
    fetchFile: (recording) => recordingsApi.file(recording.recordingId, recording.url, null),
    remove: (recording) => recordingsApi.remove(recording.recordingId, null),
    alive: page.alive,
    emptyText: 'No recordings. The meetings you record as host, and those of organizations you own or administer, '
      + 'show here.',
  });
  show(root, h('section', { className: 'account-page', 'data-page': 'meetings', 'aria-labelledby': 'meetings-title' },
    h('h1', { id: 'meetings-title' }, 'My meetings'),
    h('p', { className: 'lead' }, 'The meetings you hosted or joined while signed in, the latest first.'),
    historySection(page, first),
    recordings.element));
  recordings.refresh();
}

function historySection(page, first) {
  const meetings = Array.isArray(first?.meetings) ? first.meetings : [];
  const card = h('section', { className: 'card', id: 'meeting-history-card', 'aria-label': 'Meetings' });
  if (meetings.length === 0) {
    card.append(h('p', { id: 'meeting-history-empty' },
      'No meetings yet. The meetings you start or join while signed in will show here.'));
    return card;
  }
  const shown = new Set();
  const list = h('ul', { id: 'meeting-history', className: 'item-list' });
  const add = (entries) => {
    const rows = entries.filter((entry) => entry && entry.meetingId && !shown.has(entry.meetingId)).map((entry) => {
      shown.add(entry.meetingId);
      return row(entry);
    });
    list.append(...rows);
    list.dataset.count = String(shown.size);
    return rows;
  };
  add(meetings);

  const messages = h('div', { className: 'form-messages' });
  const problem = formError('meeting-history-error', messages);
  const status = statusLine('meeting-history-status');
  messages.append(status);
  const more = h('button', { type: 'button', id: 'meeting-history-more', className: 'secondary' }, 'More');
  const actions = h('div', { className: 'actions' }, more);
  let next = typeof first.next === 'string' && first.next ? first.next : null;
  actions.hidden = next === null;
  more.addEventListener('click', async () => {
    problem.clear();
    status.textContent = '';
    more.disabled = true;
    let answer;
    try {
      answer = await people.meetings(next, PAGE_SIZE);
    } catch (error) {
      more.disabled = false;
      if (page.alive()) {
        problem.set(error.detail || error.message);
      }
      return;
    }
    if (!page.alive()) {
      return;
    }
    const rows = add(Array.isArray(answer?.meetings) ? answer.meetings : []);
    next = typeof answer?.next === 'string' && answer.next ? answer.next : null;
    more.disabled = false;
    status.textContent = rows.length === 0 ? 'No more meetings.'
      : `${rows.length} more ${rows.length === 1 ? 'meeting' : 'meetings'} shown.`;
    if (next === null) {
      actions.hidden = true;
      if (rows.length > 0) {
        rows[0].tabIndex = -1; // the button is gone: keep the keyboard where the new rows start
        rows[0].focus();
      }
    }
  });
  card.append(list, actions, messages);
  return card;
}

function row(meeting) {
  const ended = Boolean(meeting.endedAt);
  const title = typeof meeting.title === 'string' && meeting.title.trim() ? meeting.title.trim() : null;
  const names = attendeeNames(meeting.participants);
  const duration = ended ? formatDuration(meeting.createdAt, meeting.endedAt) : '';
  const when = meeting.joinedAt || meeting.createdAt;
  const item = h('li', {
    className: 'item meeting', 'data-meeting-id': meeting.meetingId, 'data-role': meeting.role || '',
    'data-state': ended ? 'ended' : 'open',
  },
  h('div', { className: 'item-main' },
    h('span', { className: `item-title meeting-title${title ? '' : ' untitled'}` }, title || 'Untitled meeting'),
    h('span', { className: 'badge meeting-role' }, ROLE_NAMES[meeting.role] || meeting.role || ''),
    h('span', { className: 'item-detail meeting-when' },
      h('time', { dateTime: when || '' }, formatDateTime(when)),
      ended ? (duration ? h('span', { className: 'meeting-duration' }, ` · lasted ${duration}`) : ' · ended')
        : h('span', { className: 'meeting-live' }, ' · not ended yet')),
    names.length > 0
      ? h('span', { className: 'item-detail meeting-people' }, `Who was there: ${namesText(names)}`)
      : null),
  h('div', { className: 'item-actions' },
    h('a', {
      className: 'button small secondary meeting-quality', href: `/m/${encodeURIComponent(meeting.meetingId)}/quality`,
      'data-link': true, 'aria-label': `Call quality of ${title || 'the untitled meeting'}`,
    }, 'Call quality'),
    ended ? null : h('a', {
      className: 'button small meeting-open', href: meetingPath(meeting), 'data-link': true,
      'aria-label': `Open ${title || 'the untitled meeting'}`,
    }, 'Open')));
  return item;
}
