// Recording requests: starting and stopping (meeting-service, the host's join token) and reading recordings
// (recording-service: the host's join token, or the account of the host or of an owner or admin of the meeting's
// organization). `token` null means the signed-in account's access token (authorizedFetch).
import { authorizedFetch } from './account-session.js';
import { answerOf, ApiError, send, UNREACHABLE } from './http.js';

const meeting = (meetingId) => `/api/meetings/${encodeURIComponent(meetingId)}`;
const recording = (recordingId) => `/api/recordings/${encodeURIComponent(recordingId)}`;
const as = (token) => (token ? { token } : { fetcher: authorizedFetch });

export const recordingsApi = {
  /** 201 {recordingId, startedAt, maxSeconds}; 409 `recording` when it already runs. */
  start: (meetingId, token) => send('POST', `${meeting(meetingId)}/recording`, { token }),
  /** 204; 409 `not-recording` when nothing runs. */
  stop: (meetingId, token) => send('DELETE', `${meeting(meetingId)}/recording`, { token }),
  /** [{recordingId, meetingId, state, startedAt, durationSeconds, url}] */
  ofMeeting: (meetingId, token) => send('GET', `${meeting(meetingId)}/recordings`, as(token)),
  /** The signed-in person's: hosted with their account, or of an organization they own or administer. */
  mine: () => send('GET', '/api/me/recordings', as(null)),
  remove: (recordingId, token) => send('DELETE', recording(recordingId), as(token)),

  /**
   * The file as a Blob. A <video> cannot send an Authorization header, so the whole file is fetched first (see
   * "Limits" in docs/web-client.md); `url` is the recording's own, this site's path only.
   */
  async file(recordingId, url, token) {
    const path = typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url
      : `${recording(recordingId)}/file`;
    const init = { headers: { Accept: 'video/webm, video/*, application/problem+json' } };
    let response;
    try {
      response = token
        ? await fetch(path, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } })
        : await authorizedFetch(path, init);
    } catch {
      throw new ApiError(0, UNREACHABLE);
    }
    if (!response.ok) {
      await answerOf(response); // throws the problem
    }
    return response.blob();
  },
};
