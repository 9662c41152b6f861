// The user socket (docs/signaling.md, "User socket"): one per tab for the signed-in person, GET /ws/user with the
// access token. It reports through callbacks:
//   onMessage(message)      every server message but the socket's own housekeeping (`catch-up` first, again after
//                           each reconnect, then `message`, `read`, `contact-*`, `presence`, `call-*`)
//   onStatus(state)         'connecting' | 'connected' (catch-up received) | 'reconnecting' | 'stopped'
//   onRevoked(reason)       the sign-in was revoked (`session-revoked`): the tab is signed out
// It reconnects for as long as the person stays signed in: 4000 (an instance draining) after half a second or so,
// 4401 after a fresh access token, anything else with a growing delay; `online` and a tab becoming visible retry at
// once. The access token is handed over with `refresh {token}` once the session renewed it (a minute before it
// expires), so the socket stays open past the old token's expiry.
import * as session from './account-session.js';
import { userSocketDelay, userSocketOutcome } from './contacts-logic.js';

const PING_INTERVAL_MS = 25_000;
/** A socket that answers no ping for this long is treated as dropped: a network that vanished sends no close. */
const PONG_TIMEOUT_MS = 10_000;
/** How often the socket looks for a renewed access token (the session renews it a minute before expiry). */
const TOKEN_CHECK_MS = 5_000;
/** A socket refused before it opened may carry a stale token; asking for a new one at most this often. */
const FORCED_REFRESH_EVERY_MS = 60_000;

export class UserSocket {
  constructor({ onMessage, onStatus = () => {}, onRevoked = () => {} }) {
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.onRevoked = onRevoked;
    this.running = false;
    this.socket = null;
    this.token = null;
    this.offeredToken = null;
    this.attempt = 0;
    this.caughtUp = false;
    this.drainRequested = false;
    this.lastForcedRefresh = 0;
    this.timers = {};
    this.retryNow = () => {
      if (this.running && !this.socket) {
        this.reopen(0);
      }
    };
    this.onVisible = () => {
      if (document.visibilityState === 'visible') {
        this.retryNow();
      }
    };
  }

  start() {
    if (this.running) {
      return;
    }
    this.running = true;
    this.attempt = 0;
    window.addEventListener('online', this.retryNow);
    document.addEventListener('visibilitychange', this.onVisible);
    this.timers.token = setInterval(() => this.offerFreshToken(), TOKEN_CHECK_MS);
    this.open();
  }

  stop() {
    if (!this.running) {
      return;
    }
    this.running = false;
    window.removeEventListener('online', this.retryNow);
    document.removeEventListener('visibilitychange', this.onVisible);
    clearInterval(this.timers.token);
    clearTimeout(this.timers.retry);
    this.stopPinging();
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= WebSocket.OPEN) {
      socket.close(1000, 'bye');
    }
    this.onStatus('stopped');
  }

  open() {
    if (!this.running) {
      return;
    }
    this.onStatus(this.caughtUp || this.attempt > 0 ? 'reconnecting' : 'connecting');
    this.caughtUp = false;
    const token = session.accessToken();
    if (!token) {
      this.stop();
      return;
    }
    this.token = token;
    this.offeredToken = null;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws/user?access_token=${encodeURIComponent(token)}`);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.startPinging();
    };
    socket.onmessage = (event) => {
      if (socket === this.socket) {
        this.received(event.data);
      }
    };
    socket.onclose = (event) => {
      if (socket === this.socket) {
        this.closed(event.code, opened);
      }
    };
  }

  received(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return; // the server only sends JSON objects
    }
    if (!message || typeof message.type !== 'string') {
      return;
    }
    switch (message.type) {
      case 'pong':
        clearTimeout(this.timers.pong);
        return;
      case 'reconnect':
        this.drainRequested = true; // the instance drains and closes with 4000 next
        return;
      case 'refreshed':
        this.token = this.offeredToken || this.token;
        this.offeredToken = null;
        return;
      case 'error':
        if (message.code === 'invalid-field' && this.offeredToken) {
          this.abandonSocket(); // the new token was refused: start over with whatever the session has now
        }
        return;
      case 'session-revoked':
        this.stop();
        this.onRevoked(message.reason);
        return;
      case 'catch-up':
        this.caughtUp = true;
        this.attempt = 0;
        this.drainRequested = false;
        this.onStatus('connected');
        break;
      default:
        break;
    }
    this.onMessage(message);
  }

  async closed(code, opened) {
    this.stopPinging();
    this.socket = null;
    if (!this.running) {
      return;
    }
    const outcome = userSocketOutcome(code, { drainRequested: this.drainRequested });
    this.drainRequested = false;
    if (outcome === 'refresh' || (!opened && this.mayForceRefresh())) {
      // the gateway refuses an expired token before the upgrade (a browser sees 1006): renew it, then come back
      this.lastForcedRefresh = Date.now();
      const account = await session.refresh();
      if (!account) {
        this.stop(); // signed out: the pages say so
        return;
      }
    }
    const delay = outcome === 'reconnect-soon' ? 500 + Math.round(Math.random() * 500)
      : outcome === 'refresh' && this.attempt === 0 ? 0 : userSocketDelay(this.attempt);
    this.attempt += 1;
    this.reopen(delay);
  }

  mayForceRefresh() {
    return Date.now() - this.lastForcedRefresh > FORCED_REFRESH_EVERY_MS;
  }

  reopen(delayMs) {
    if (!this.running) {
      return;
    }
    this.onStatus('reconnecting');
    clearTimeout(this.timers.retry);
    this.timers.retry = setTimeout(() => this.open(), delayMs);
  }

  /** The session renewed its token: hand it to the open socket before the old one expires. */
  offerFreshToken() {
    const current = session.accessToken();
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN || !this.caughtUp || !current
        || current === this.token || current === this.offeredToken) {
      return;
    }
    this.offeredToken = current;
    this.socket.send(JSON.stringify({ type: 'refresh', token: current }));
  }

  startPinging() {
    this.stopPinging();
    this.timers.ping = setInterval(() => {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
        return;
      }
      this.socket.send(JSON.stringify({ type: 'ping' }));
      clearTimeout(this.timers.pong);
      this.timers.pong = setTimeout(() => this.abandonSocket(), PONG_TIMEOUT_MS);
    }, PING_INTERVAL_MS);
  }

  stopPinging() {
    clearInterval(this.timers.ping);
    clearTimeout(this.timers.pong);
  }

  /** Gives up on the current socket at once and reconnects, as if it had dropped. */
  abandonSocket() {
    const socket = this.socket;
    if (!socket) {
      return;
    }
    this.closed(1006, true);
    try {
      socket.close(1000);
    } catch {
      // already closing
    }
  }
}
