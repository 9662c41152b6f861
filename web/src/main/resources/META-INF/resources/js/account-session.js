// The signed-in account of this tab (docs/people.md). The access token (a JWT, 15 minutes) lives in this module's
// memory only: never in localStorage or sessionStorage, where any script injected into the page could read it and
// keep using it. What survives a reload is the refresh cookie `parley_session` (HttpOnly, SameSite=Strict,
// Path=/api/session), which no script can read: every page load asks POST /api/session/refresh for a new access
// token (401 means signed out, the normal case for guests), and the token is renewed about a minute before it
// expires. Tabs of one browser share the cookie and may refresh at the same moment: the server accepts the token it
// rotated last for a few seconds, so they both get the same successor.

import { ApiError, answerOf, send } from './http.js';

const REFRESH_PATH = '/api/session/refresh';
const RENEW_BEFORE_MS = 60_000;
const MIN_RENEW_DELAY_MS = 5_000;
const RETRY_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000];
const FIRST_REFRESH_WAIT_MS = 4_000;

/** {account: {accountId, email, displayName}, accessToken, expiresAt (ms, this browser's clock)} or null. */
let state = null;
/** 'unknown' until the first refresh answered, then 'signed-in' or 'signed-out'. */
let status = 'unknown';
let inFlight = null;
let renewTimer = null;
let failures = 0;
let readyPromise = null;
const listeners = new Set();

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('parley.account') : null;

export function currentAccount() {
  return state ? { ...state.account } : null;
}

export function accessToken() {
  return state ? state.accessToken : null;
}

export function isSignedIn() {
  return state !== null;
}

/** 'unknown' (the page-load refresh has not answered yet), 'signed-in' or 'signed-out'. */
export function sessionStatus() {
  return status;
}

/** Calls `listener(account | null)` after every sign-in, sign-out, refresh and rename; returns the unsubscribe. */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  const account = currentAccount();
  for (const listener of [...listeners]) {
    try {
      listener(account);
    } catch (error) {
      console.error('account listener failed', error);
    }
  }
}

/**
 * Starts the session once per page: the refresh of the page load. Resolves (to the account or null) when that
 * refresh answered, or after a few seconds at most, so a slow people-service never holds the page up: the header
 * follows when the answer comes.
 */
export function ready() {
  if (!readyPromise) {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') {
        renewIfDue();
      }
    });
    window.addEventListener('online', renewIfDue);
    channel?.addEventListener('message', (event) => fromOtherTab(event.data));
    const first = refresh();
    readyPromise = Promise.race([first, new Promise((resolve) => {
      setTimeout(() => resolve(currentAccount()), FIRST_REFRESH_WAIT_MS);
    })]);
  }
  return readyPromise;
}

/** A token that expired while timers slept (a background tab, a suspended laptop) is renewed on the next occasion. */
function renewIfDue() {
  if (state && Date.now() >= renewAt(state)) {
    refresh();
  }
}

function renewAt(current) {
  const lifetime = current.expiresAt - current.receivedAt;
  const early = lifetime > 2 * RENEW_BEFORE_MS ? RENEW_BEFORE_MS : lifetime / 2;
  return current.expiresAt - early;
}

function schedule(delayMs) {
  clearTimeout(renewTimer);
  renewTimer = setTimeout(() => refresh(), Math.max(MIN_RENEW_DELAY_MS, delayMs));
}

/** The token's own lifetime (exp − iat, the server's clock) from now: a client clock that is off does not matter. */
function expiryOf(answer, receivedAt) {
  const claims = tokenClaims(answer.accessToken);
  if (Number.isFinite(claims.exp) && Number.isFinite(claims.iat) && claims.exp > claims.iat) {
    return receivedAt + (claims.exp - claims.iat) * 1000;
  }
  const stated = Date.parse(answer.expiresAt);
  return Number.isFinite(stated) ? stated : receivedAt + 15 * 60_000;
}

function tokenClaims(token) {
  try {
    const payload = String(token).split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')));
  } catch {
    return {};
  }
}

/** Takes a sign-up, sign-in or refresh answer {account, accessToken, expiresAt}. */
function adopt(answer) {
  const receivedAt = Date.now();
  const changed = !state || state.account.accountId !== answer.account.accountId
    || state.account.displayName !== answer.account.displayName || state.account.email !== answer.account.email;
  state = {
    account: { ...answer.account },
    accessToken: answer.accessToken,
    expiresAt: expiryOf(answer, receivedAt),
    receivedAt,
  };
  status = 'signed-in';
  failures = 0;
  schedule(renewAt(state) - Date.now());
  if (changed) {
    notify();
  }
  return currentAccount();
}

/** Forgets the account in this tab (the server side was already dealt with, or is gone). */
function drop() {
  clearTimeout(renewTimer);
  const changed = state !== null || status !== 'signed-out';
  state = null;
  status = 'signed-out';
  if (changed) {
    notify();
  }
  return null;
}

/**
 * POST /api/session/refresh with the cookie: a new access token and a rotated cookie. Resolves to the account, or
 * null when there is no session (401, or no people-service at all). A network failure or a 5xx keeps the token this
 * tab has (it may still be valid) and tries again later. One refresh at a time per tab.
 */
export function refresh() {
  if (!inFlight) {
    inFlight = (async () => {
      let response;
      try {
        response = await fetch(REFRESH_PATH, {
          method: 'POST',
          headers: { Accept: 'application/json, application/problem+json' },
          credentials: 'same-origin',
        });
      } catch {
        return unavailable(null);
      }
      let answer;
      try {
        answer = await answerOf(response);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 429 || error.status >= 500)) {
          return unavailable(error.retryAfterSeconds);
        }
        return drop(); // 401: the session ended (signed out, revoked, expired); 404: no people-service here
      }
      return isSignedInAnswer(answer) ? adopt(answer) : drop();
    })().finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

/** people-service could not be asked: keep a token that is still valid, and try again later. */
function unavailable(retryAfterSeconds) {
  schedule(Math.max((retryAfterSeconds || 0) * 1000, RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]));
  failures += 1;
  if (state && Date.now() < state.expiresAt) {
    return currentAccount();
  }
  if (state) {
    state = null;
    status = 'unknown';
    notify();
  }
  return null;
}

function isSignedInAnswer(answer) {
  return Boolean(answer && typeof answer.accessToken === 'string' && answer.account
    && typeof answer.account.accountId === 'string');
}

async function signedIn(path, body) {
  const answer = await send('POST', path, { body });
  if (!isSignedInAnswer(answer)) {
    throw new ApiError(502, 'The server gave an answer Parley does not understand.');
  }
  const account = adopt(answer);
  channel?.postMessage({ type: 'signed-in', accountId: account.accountId });
  return account;
}

/** POST /api/session: resolves to the account; throws ApiError (401 with the same detail for any wrong pair, 429). */
export function signIn(email, password) {
  return signedIn('/api/session', { email, password });
}

/** POST /api/accounts: signs up and signs in; throws ApiError (400 with `errors`, 409 `email-taken`). */
/** `invitation`: the token of an organization invitation, which servers that only take invited people ask for. */
export function signUp(email, displayName, password, invitation) {
  return signedIn('/api/accounts', invitation ? { email, displayName, password, invitation }
    : { email, displayName, password });
}

/** DELETE /api/session: ends this device's session and clears the cookie. Signed out here even if that fails. */
export async function signOut() {
  try {
    await send('DELETE', '/api/session'); // the cookie says which session; no bearer, which may be stale
  } catch {
    // the cookie may already be gone: this tab forgets the account either way
  }
  sessionEnded();
}

/** The session ended on the server (sign out everywhere, the current session revoked, the account deleted). */
export function sessionEnded() {
  drop();
  channel?.postMessage({ type: 'signed-out' });
}

/** The account's display name changed (PATCH /api/me): the header and the start page follow at once. */
export function renamed(displayName) {
  if (state && displayName && state.account.displayName !== displayName) {
    state.account.displayName = displayName;
    notify();
  }
}

function fromOtherTab(message) {
  if (!message || typeof message !== 'object') {
    return;
  }
  if (message.type === 'signed-out' && state) {
    drop();
  } else if (message.type === 'signed-in' && state?.account.accountId !== message.accountId) {
    refresh(); // the cookie now belongs to the other tab's new session
  }
}

function withBearer(init, token) {
  const headers = new Headers(init.headers || {});
  if (token) {
    headers.set('Authorization', `Bearer ${token}`);
  }
  return { credentials: 'same-origin', ...init, headers };
}

/**
 * fetch with this account's bearer token. A token that is due is renewed first; a 401 answer is retried once after
 * a refresh (the token may have been a moment too old, or another tab rotated the session). When the refresh finds
 * no session, the 401 is returned as it is (and the account is signed out here). `retry: false` skips the retry,
 * for requests whose 401 means a wrong password rather than an old token.
 */
export async function authorizedFetch(path, init = {}, { retry = true } = {}) {
  if (state && Date.now() >= renewAt(state)) {
    await refresh();
  }
  const token = accessToken();
  const response = await fetch(path, withBearer(init, token));
  if (response.status !== 401 || !token || !retry) {
    return response;
  }
  const account = accessToken() !== token ? currentAccount() : await refresh();
  if (!account || !accessToken() || accessToken() === token) {
    return response;
  }
  return fetch(path, withBearer(init, accessToken()));
}

/**
 * For what guests may do too (create or join a meeting): with the bearer when signed in, so the server knows the
 * account; if the token is refused and the session turns out to be over, once more as a guest.
 */
export async function optionalAuthFetch(path, init = {}) {
  if (!state) {
    return fetch(path, init);
  }
  const response = await authorizedFetch(path, init);
  if (response.status === 401 && !state) {
    return fetch(path, init);
  }
  return response;
}
