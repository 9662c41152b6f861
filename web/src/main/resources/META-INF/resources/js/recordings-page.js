// /m/{meeting}/recordings: a meeting's recordings (GET /api/meetings/{id}/recordings), read with the tab's join
// token (the host's tab, or one opened from its "Recordings of this meeting" link, which copies sessionStorage) or,
// without one, with the signed-in account (the host's account, the organization's owners and admins).
import * as accountSession from './account-session.js';
import { api } from './api.js';
import * as credentials from './credentials.js';
import { h, show } from './dom.js';
import { recordingsApi } from './recordings-api.js';
import { RecordingsList } from './recordings-list.js';
import { onLeave, withNext } from './router.js';

export function renderRecordings(root, meetingRef) {
  let alive = true;
  onLeave(() => {
    alive = false;
  });
  document.title = 'Recordings · Parley';
  const saved = credentials.load(meetingRef);
  const token = saved?.token || null;
  const heading = h('h1', { id: 'recordings-page-title' }, 'Recordings of the meeting');
  const view = h('section', { className: 'account-page', 'data-page': 'recordings',
    'aria-labelledby': 'recordings-page-title' }, heading,
  h('p', { className: 'quality-nav' }, h('a', { href: `/m/${encodeURIComponent(meetingRef)}`, 'data-link': true },
    'Back to the meeting')));
  if (!token && !accountSession.isSignedIn()) {
    view.append(h('p', { id: 'recordings-signin' }, 'Open this page from the meeting\'s tab, or ',
      h('a', { href: withNext('/signin'), 'data-link': true }, 'sign in'),
      ' with the account that hosted the meeting.'));
    show(root, view);
    return;
  }
  const load = async () => {
    try {
      return await recordingsApi.ofMeeting(saved?.meetingId || (await api.getMeeting(meetingRef)).meetingId, token);
    } catch (error) {
      if (error.status === 404) {
        return []; // recording-service answers 404 for a meeting without recordings
      }
      throw error;
    }
  };
  const recordings = new RecordingsList({
    load,
    fetchFile: (recording) => recordingsApi.file(recording.recordingId, recording.url, token),
    remove: (recording) => recordingsApi.remove(recording.recordingId, token),
    alive: () => alive,
    emptyText: 'This meeting has no recordings.',
  });
  view.append(recordings.element);
  show(root, view);
  recordings.refresh();
}
