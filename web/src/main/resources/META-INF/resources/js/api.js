// The REST calls the client makes through the gateway (PLATFORM.md §4.2). Errors are RFC 9457 problem details;
// ApiError carries the status, the human-readable detail and the problem's extra properties (e.g. `reason`).

export class ApiError extends Error {
  constructor(status, detail, problem = {}) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.problem = problem;
  }

  /** meeting-service's machine-readable reason for a 409/403 (`full`, `locked`, `ended`, `not-host`…). */
  get reason() {
    return this.problem.reason;
  }
}

async function request(method, path, { body, token } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.ok) {
    return response.status === 204 ? null : response.json();
  }
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // a proxy's HTML error page, say: the status alone has to do
  }
  throw new ApiError(response.status, problem.detail || problem.title || `HTTP ${response.status}`, problem);
}

const meetingPath = (meeting) => `/api/meetings/${encodeURIComponent(meeting)}`;

export const api = {
  /** 201 {meetingId, joinUrl, host:{…}} for a new meeting; 200 {…, participant:{…}} when the room existed. */
  createMeeting: (hostName, slug) => request('POST', '/api/meetings', { body: slug ? { hostName, slug } : { hostName } }),
  getMeeting: (meeting) => request('GET', meetingPath(meeting)),
  join: (meeting, name) => request('POST', `${meetingPath(meeting)}/participants`, { body: { name } }),
  muteAll: (meeting, token) => request('POST', `${meetingPath(meeting)}/mute-all`, { token }),
  mute: (meeting, participantId, token) =>
    request('POST', `${meetingPath(meeting)}/participants/${encodeURIComponent(participantId)}/mute`, { token }),
  remove: (meeting, participantId, token) =>
    request('DELETE', `${meetingPath(meeting)}/participants/${encodeURIComponent(participantId)}`, { token }),
  timer: (meeting, preset, token) => request('POST', `${meetingPath(meeting)}/timer`, { body: { preset }, token }),
  lock: (meeting, token) => request('POST', `${meetingPath(meeting)}/lock`, { token }),
  end: (meeting, token) => request('POST', `${meetingPath(meeting)}/end`, { token }),
  qualitySeries: (meetingId, token) =>
    request('GET', `/api/quality/meetings/${encodeURIComponent(meetingId)}`, { token }),
  qualitySummary: (meetingId, token) =>
    request('GET', `/api/quality/meetings/${encodeURIComponent(meetingId)}/summary`, { token }),
};
