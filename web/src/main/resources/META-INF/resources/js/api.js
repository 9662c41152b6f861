// The meeting REST calls the client makes through the gateway (PLATFORM.md §4.2). Errors are RFC 9457 problem
// details; ApiError (http.js) carries the status, the human-readable detail and the problem's extra properties (e.g.
// `reason`). Accounts and organizations are in people-api.js.
import { authorizedFetch, optionalAuthFetch } from './account-session.js';
import { send } from './http.js';

export { ApiError } from './http.js';

const request = send;

/** Creating and joining are open to guests; a signed-in person's bearer token makes the join token theirs. */
const asPerson = { fetcher: optionalAuthFetch };
const asAccount = { fetcher: authorizedFetch };

const meetingPath = (meeting) => `/api/meetings/${encodeURIComponent(meeting)}`;

export const api = {
  /**
   * 201 {meetingId, joinUrl, host:{…}} for a new meeting; 200 {…, participant:{…}} when the room existed.
   * `access` {access: 'org', orgId} (signed in only) keeps a new meeting to an organization's members; without it
   * the meeting is open to anyone with the link, as for guests.
   */
  createMeeting: (hostName, slug, access) => {
    const body = { hostName };
    if (slug) {
      body.slug = slug;
    }
    if (access?.access === 'org' && access.orgId) {
      body.access = 'org';
      body.orgId = access.orgId;
    }
    return request('POST', '/api/meetings', { body, ...asPerson });
  },
  getMeeting: (meeting) => request('GET', meetingPath(meeting)),
  join: (meeting, name) => request('POST', `${meetingPath(meeting)}/participants`, { body: { name }, ...asPerson }),
  muteAll: (meeting, token) => request('POST', `${meetingPath(meeting)}/mute-all`, { token }),
  mute: (meeting, participantId, token) =>
    request('POST', `${meetingPath(meeting)}/participants/${encodeURIComponent(participantId)}/mute`, { token }),
  remove: (meeting, participantId, token) =>
    request('DELETE', `${meetingPath(meeting)}/participants/${encodeURIComponent(participantId)}`, { token }),
  timer: (meeting, preset, token) => request('POST', `${meetingPath(meeting)}/timer`, { body: { preset }, token }),
  lock: (meeting, token) => request('POST', `${meetingPath(meeting)}/lock`, { token }),
  end: (meeting, token) => request('POST', `${meetingPath(meeting)}/end`, { token }),
  /** With the tab's join token, or (token null) the signed-in account's access token. */
  qualitySeries: (meetingId, token) =>
    request('GET', `/api/quality/meetings/${encodeURIComponent(meetingId)}`, token ? { token } : asAccount),
  qualitySummary: (meetingId, token) =>
    request('GET', `/api/quality/meetings/${encodeURIComponent(meetingId)}/summary`, token ? { token } : asAccount),
};
