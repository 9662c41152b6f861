// people-service's account and organization calls (docs/people.md, PEOPLE.md §3), all with the account's bearer
// token through the session's authorizedFetch. Sign-in, sign-up, refresh and sign-out are in account-session.js.
import { authorizedFetch } from './account-session.js';
import { answerOf, ApiError, send, UNREACHABLE } from './http.js';

const authorized = (method, path, body) => send(method, path, { body, fetcher: authorizedFetch });

/** For requests carrying a password: their 401 means a wrong password, not an old token, so no retry. */
const noRetry = (path, init) => authorizedFetch(path, init, { retry: false });
const withPassword = (method, path, body) => send(method, path, { body, fetcher: noRetry });

const org = (orgId) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const people = {
  /** {accountId, email, displayName, createdAt, hasPassword, orgs: [{orgId, name, role}]} */
  me: () => authorized('GET', '/api/me'),
  rename: (displayName) => authorized('PATCH', '/api/me', { displayName }),
  changePassword: (currentPassword, newPassword) =>
    withPassword('POST', '/api/me/password', { currentPassword, newPassword }),
  /** {sessions: [{sessionId, createdAt, lastUsedAt, expiresAt, userAgent, clientAddress, current}]} */
  sessions: () => authorized('GET', '/api/me/sessions'),
  endSession: (sessionId) => authorized('DELETE', `/api/me/sessions/${encodeURIComponent(sessionId)}`),
  endAllSessions: () => authorized('DELETE', '/api/me/sessions'),
  deleteAccount: (password) => withPassword('DELETE', '/api/me', { password }),

  /** GET /api/me/export as a file: {blob, filename}. */
  async exportData() {
    let response;
    try {
      response = await authorizedFetch('/api/me/export', { headers: { Accept: 'application/json' } });
    } catch {
      throw new ApiError(0, UNREACHABLE);
    }
    if (!response.ok) {
      await answerOf(response); // throws the problem
    }
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = disposition.match(/filename="?([A-Za-z0-9._-]+)"?/);
    return { blob: await response.blob(), filename: match ? match[1] : 'parley-account.json' };
  },

  /** {orgId, name, role} */
  createOrg: (name) => authorized('POST', '/api/orgs', { name }),
  /** {orgId, name, maxConcurrentStreams, role} */
  org: (orgId) => authorized('GET', org(orgId)),
  /** {members: [{accountId, displayName, email, role, joinedAt}]} */
  members: (orgId) => authorized('GET', `${org(orgId)}/members`),
  /** {invitationId, token, expiresAt}; the link to share is `${location.origin}/invite/${token}` */
  invite: (orgId, email, role) => authorized('POST', `${org(orgId)}/invitations`, { email, role }),
  /** {orgId, name, role}; 404 unknown, 410 used or expired, 409 already a member, 403 sent to another address */
  acceptInvitation: (token) => authorized('POST', `/api/invitations/${encodeURIComponent(token)}/accept`),
  changeRole: (orgId, accountId, role) =>
    authorized('PATCH', `${org(orgId)}/members/${encodeURIComponent(accountId)}`, { role }),
  removeMember: (orgId, accountId) => authorized('DELETE', `${org(orgId)}/members/${encodeURIComponent(accountId)}`),
  setStreamLimit: (orgId, maxConcurrentStreams) => authorized('PUT', `${org(orgId)}/limits`, { maxConcurrentStreams }),
};

/** The address of an invitation to share. */
export function invitationLink(token) {
  return `${location.origin}/invite/${encodeURIComponent(token)}`;
}
