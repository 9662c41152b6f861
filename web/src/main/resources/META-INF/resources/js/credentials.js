// Join credentials live in sessionStorage, one entry per meeting: a reload of the tab rejoins with the same
// participant id (the socket of a reload replaces the old one), while another tab or window joins as someone new.
// A named room's link (/m/{room}) and its meeting id both point at the entry.

const PREFIX = 'parley.join.';

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the call still works, a reload asks for the name again
  }
}

/** {meetingId, participantId, token, role, name} as saved by save(), or null. */
export function load(meetingRef) {
  const raw = storage()?.getItem(PREFIX + meetingRef.toLowerCase());
  if (!raw) {
    return null;
  }
  try {
    const credentials = JSON.parse(raw);
    return credentials.token && credentials.meetingId && credentials.participantId ? credentials : null;
  } catch {
    return null;
  }
}

export function save(credentials, ...refs) {
  const value = JSON.stringify(credentials);
  for (const ref of new Set([credentials.meetingId, ...refs].filter(Boolean))) {
    storage()?.setItem(PREFIX + ref.toLowerCase(), value);
  }
}

export function forget(...refs) {
  for (const ref of refs.filter(Boolean)) {
    storage()?.removeItem(PREFIX + ref.toLowerCase());
  }
}

/** The claims of a join token (no verification: the servers do that); {} when it cannot be read. */
export function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')));
  } catch {
    return {};
  }
}

/**
 * Credentials from a create or join answer (both shapes of POST /api/meetings, and POST …/participants). With
 * `nameFromToken` (a signed-in person: the server used the account's display name, not the name typed) the name is
 * the join token's `name` claim.
 */
export function fromAnswer(answer, name, { nameFromToken = false } = {}) {
  const who = answer.host || answer.participant || answer;
  const tokenClaims = claims(who.token);
  return {
    meetingId: answer.meetingId,
    participantId: who.participantId,
    token: who.token,
    role: who.role || tokenClaims.role || 'participant',
    name: (nameFromToken && tokenClaims.name) || name,
  };
}
