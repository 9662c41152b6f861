// people-service's account, organization, contact, message and call requests (docs/people.md, PEOPLE.md §3), all
// with the account's bearer token through the session's authorizedFetch (except the list of sign-in providers, which
// is public). Sign-in, sign-up, refresh and sign-out are in account-session.js.
import { accessToken, authorizedFetch } from './account-session.js';
import { answerOf, ApiError, send, UNREACHABLE } from './http.js';

const authorized = (method, path, body) => send(method, path, { body, fetcher: authorizedFetch });

/** For requests carrying a password: their 401 means a wrong password, not an old token, so no retry. */
const noRetry = (path, init) => authorizedFetch(path, init, { retry: false });
const withPassword = (method, path, body) => send(method, path, { body, fetcher: noRetry });

const org = (orgId) => `/api/orgs/${encodeURIComponent(orgId)}`;
const contact = (contactId) => `/api/contacts/${encodeURIComponent(contactId)}`;
const request = (requestId) => `/api/contacts/requests/${encodeURIComponent(requestId)}`;
const call = (callId) => `/api/calls/${encodeURIComponent(callId)}`;

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

  /**
   * GET /api/me/meetings: {meetings: [{meetingId, title, slug, role, joinedAt, createdAt, endedAt, participants:
   * [{name, role, joinedAt}]}], next} — newest first; `next` (null on the last page) is the `before` of the next one.
   */
  meetings: (before, limit = 20) => authorized('GET', `/api/me/meetings?limit=${encodeURIComponent(limit)}`
    + (before ? `&before=${encodeURIComponent(before)}` : '')),

  /** GET /api/me/identities: [{provider, issuer, subject, linkedAt, email?}]; 404 where the feature does not exist. */
  identities: async () => {
    const answer = await authorized('GET', '/api/me/identities');
    const list = Array.isArray(answer) ? answer : answer?.identities;
    return Array.isArray(list) ? list.filter((entry) => entry && typeof entry.provider === 'string') : [];
  },
  /** POST /api/me/identities/{provider}: {authorizationUrl}, where the browser goes to prove the identity. */
  linkIdentity: (provider) => authorized('POST', `/api/me/identities/${encodeURIComponent(provider)}`),
  /** DELETE /api/me/identities/{provider}; 409 `last-sign-in-method` when it is the only way left to sign in. */
  unlinkIdentity: (provider) => authorized('DELETE', `/api/me/identities/${encodeURIComponent(provider)}`),

  /** 202 (null) whether or not the address is an account's; 409 `blocked` for someone I blocked, 400 my own. */
  requestContact: (email) => authorized('POST', '/api/contacts/requests', { email }),
  /** {incoming: [{requestId, from: {accountId, displayName}, createdAt}], outgoing: [{requestId, email, createdAt}]} */
  contactRequests: () => authorized('GET', '/api/contacts/requests'),
  /** {contactId, contact: {accountId, displayName}}; 403 `not-addressee` */
  acceptContact: (requestId) => authorized('POST', `${request(requestId)}/accept`),
  declineContact: (requestId) => authorized('POST', `${request(requestId)}/decline`),
  /** {contacts: [{contactId, account: {accountId, displayName}, unread, lastMessage, since}]}, most active first */
  contacts: () => authorized('GET', '/api/contacts'),
  removeContact: (contactId) => authorized('DELETE', contact(contactId)),
  block: (accountId) => authorized('POST', '/api/blocks', { accountId }),
  unblock: (accountId) => authorized('DELETE', `/api/blocks/${encodeURIComponent(accountId)}`),
  /** {blocks: [{accountId, displayName, blockedAt}]} */
  blocks: () => authorized('GET', '/api/blocks'),

  /** {messages: [...], next}: newest first; `next` (null at message 1) is the `before` of the older page. */
  messages: (contactId, before, limit = 30) => authorized('GET', `${contact(contactId)}/messages?limit=`
    + encodeURIComponent(limit) + (before ? `&before=${encodeURIComponent(before)}` : '')),
  /** The stored message (201, or 200 for a repeated clientMessageId); 400 text rules, 403 `not-contact`. */
  sendMessage: (contactId, clientMessageId, text) =>
    authorized('POST', `${contact(contactId)}/messages`, { clientMessageId, text }),
  markRead: (contactId, upTo) => authorized('POST', `${contact(contactId)}/read`, { upTo }),

  /** {callId, meetingId, token, state: 'ringing' | 'answered', expiresAt}; 409 `busy`, 403, 429, 503 */
  startCall: (contactId) => authorized('POST', `${contact(contactId)}/calls`),
  /** {calls: [{callId, contactId, meetingId, from: {accountId, displayName}, expiresAt}]}: what rings for me now */
  ringingCalls: () => authorized('GET', '/api/calls?state=ringing'),
  /** {meetingId, token}; 409 `not-ringing` (answered on another device, or over) */
  answerCall: (callId) => authorized('POST', `${call(callId)}/answer`),
  declineCall: (callId) => authorized('POST', `${call(callId)}/decline`),
  /** Cancels a ringing call of mine, declines one ringing for me, ends an answered one; 204 for one already over. */
  hangUp: (callId) => authorized('DELETE', call(callId)),
};

/** Hangs up while the page goes away (closed, reloaded): a request the browser finishes after the page is gone. */
export function hangUpOnUnload(callId) {
  const token = accessToken();
  fetch(call(callId), {
    method: 'DELETE', keepalive: true, credentials: 'same-origin',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  }).catch(() => {});
}

/** A provider id as people-service allows it (it ends up in paths). */
const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
let providersAnswer = null;

/**
 * GET /api/session/providers (public): the OpenID Connect providers one may sign in with, [{id, displayName}].
 * An empty list, a 404 (a people-service without the feature) or any failure means none: the pages then simply show
 * no provider buttons. Asked once per page load (the list changes only with people-service's configuration); a
 * failure is asked again next time.
 */
export function signInProviders() {
  if (!providersAnswer) {
    providersAnswer = send('GET', '/api/session/providers').then((answer) => {
      const list = Array.isArray(answer) ? answer : answer?.providers;
      return Array.isArray(list)
        ? list.filter((entry) => entry && typeof entry.id === 'string' && PROVIDER_ID.test(entry.id))
          .map((entry) => ({ id: entry.id,
            displayName: typeof entry.displayName === 'string' && entry.displayName.trim()
              ? entry.displayName.trim() : entry.id }))
        : [];
    }, (error) => {
      if (error.status !== 404) {
        providersAnswer = null;
      }
      return [];
    });
  }
  return providersAnswer;
}

/** Where the browser goes to sign in with `provider` and come back to `returnTo` (a path of this site). */
export function providerSignInUrl(provider, returnTo) {
  return `/api/session/oidc/${encodeURIComponent(provider)}/start?returnTo=${encodeURIComponent(returnTo || '/')}`;
}

/** An address to send the browser to for a provider: http(s) only, never `javascript:` or the like; else null. */
export function navigableUrl(value) {
  try {
    const url = new URL(String(value), location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The address of an invitation to share. */
export function invitationLink(token) {
  return `${location.origin}/invite/${encodeURIComponent(token)}`;
}
