// The signaling socket (docs/signaling.md) with automatic reconnects. It reports through callbacks:
//   onMessage(message)            every server message, `welcome` included (a new one after each reconnect)
//   onStatus(state, detail)       'connecting' | 'connected' | 'reconnecting' (detail: {attempt, delayMs}) | 'lost'
//   onEnding(outcome, code)       the socket closed for good: 'ended', 'removed', 'stream-limit', 'not-found',
//                                 'bad-token', 'replaced' (see policy.closeOutcome)
//   onHandshakeFailed()           a socket closed before it opened (e.g. the gateway refused a revoked token with
//                                 401, which a browser only sees as 1006); the caller may look the meeting up
import { closeOutcome, MAX_RECONNECT_ATTEMPTS, reconnectDelay } from './policy.js';

/** A socket that answers no ping for this long is treated as dead (a network that vanished sends no close). */
const PING_INTERVAL_MS = 15000;
const PONG_TIMEOUT_MS = 10000;
/** Chat and media changes made while reconnecting are sent once the new socket is in; offers and ICE are not. */
const QUEUED_TYPES = new Set(['chat', 'media']);
const MAX_QUEUED = 50;

export class SignalingClient {
  constructor(token, { onMessage, onStatus, onEnding, onHandshakeFailed }) {
    this.token = token;
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.onEnding = onEnding;
    this.onHandshakeFailed = onHandshakeFailed || (() => {});
    this.socket = null;
    this.abandoned = new Set();
    this.attempt = 0;
    this.stopped = false;
    this.drainRequested = false;
    this.welcomed = false;
    this.queue = [];
    this.retryTimer = null;
    this.pingTimer = null;
    this.pongTimer = null;
    this.onOnline = () => {
      if (this.retryTimer) {
        this.retryNow();
      }
    };
    window.addEventListener('online', this.onOnline);
  }

  connect() {
    this.open();
  }

  /** After "connection lost": start over with a fresh series of attempts. */
  retryNow() {
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt = 0;
    this.open();
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    return `${scheme}://${location.host}/ws/signaling?access_token=${encodeURIComponent(this.token)}`;
  }

  open() {
    if (this.stopped) {
      return;
    }
    this.onStatus(this.attempt === 0 && !this.welcomed ? 'connecting' : 'reconnecting', { attempt: this.attempt });
    let opened = false;
    const socket = new WebSocket(this.url());
    this.socket = socket;
    socket.onopen = () => {
      opened = true;
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) {
        return;
      }
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return; // the server only sends JSON; anything else is noise
      }
      this.received(message);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) {
        this.abandoned.delete(socket); // a socket we already gave up on (pong timeout) finally closed
        return;
      }
      this.closed(event.code, opened);
    };
  }

  received(message) {
    switch (message.type) {
      case 'welcome':
        this.welcomed = true;
        this.attempt = 0;
        this.drainRequested = false;
        this.startPinging();
        this.closeAbandoned();
        this.onStatus('connected');
        this.onMessage(message);
        this.flushQueue();
        return;
      case 'pong':
        clearTimeout(this.pongTimer);
        return;
      case 'reconnect':
        // the instance is draining; it closes with 4000 next, and the gateway sends the new socket elsewhere
        this.drainRequested = true;
        return;
      default:
        this.onMessage(message);
    }
  }

  closed(code, opened) {
    this.stopPinging();
    this.socket = null;
    if (this.stopped) {
      return;
    }
    const outcome = closeOutcome(code, { drainRequested: this.drainRequested });
    if (outcome === 'closed') {
      return;
    }
    if (outcome !== 'reconnect' && outcome !== 'reconnect-now') {
      this.stop();
      this.onEnding(outcome, code);
      return;
    }
    if (!opened) {
      this.onHandshakeFailed();
      if (this.stopped) {
        return;
      }
    }
    if (this.attempt >= MAX_RECONNECT_ATTEMPTS) {
      this.onStatus('lost');
      return;
    }
    // after a drain, not at once: the old instance first tells everyone we left, and that must not overtake our
    // return through another instance
    const delayMs = outcome === 'reconnect-now' ? 500 + Math.round(Math.random() * 500) : reconnectDelay(this.attempt);
    this.attempt += 1;
    this.drainRequested = false;
    this.onStatus('reconnecting', { attempt: this.attempt, delayMs });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delayMs);
  }

  /** Sends now, or (chat, media) once reconnected; offers and ICE for a dead socket are useless later. */
  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN && this.welcomed) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    if (QUEUED_TYPES.has(message.type) && this.queue.length < MAX_QUEUED) {
      this.queue.push(message);
    }
    return false;
  }

  flushQueue() {
    const queued = this.queue;
    this.queue = [];
    queued.forEach((message) => this.send(message));
  }

  startPinging() {
    this.stopPinging();
    this.pingTimer = setInterval(() => {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
        return;
      }
      this.socket.send(JSON.stringify({ type: 'ping' }));
      clearTimeout(this.pongTimer);
      this.pongTimer = setTimeout(() => this.abandonSocket(), PONG_TIMEOUT_MS);
    }, PING_INTERVAL_MS);
  }

  stopPinging() {
    clearInterval(this.pingTimer);
    clearTimeout(this.pongTimer);
  }

  /**
   * The socket went silent: do not wait for the browser to notice, reconnect as if it had dropped. The silent socket
   * stays open until the next `welcome` (closeAbandoned): the server may still hold it, and its close there takes the
   * participant out of the meeting, which must not overtake the presence the new socket's join wrote.
   */
  abandonSocket() {
    const socket = this.socket;
    if (!socket) {
      return;
    }
    this.abandoned.add(socket);
    this.closed(1006, true);
  }

  /** The new socket is in: the sockets given up on may go now. */
  closeAbandoned() {
    for (const socket of this.abandoned) {
      try {
        socket.close(1000);
      } catch {
        // already closing
      }
    }
    this.abandoned.clear();
  }

  /** Leaves for good (hang up, or an ending screen): no reconnects. */
  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopPinging();
    window.removeEventListener('online', this.onOnline);
    this.closeAbandoned();
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= WebSocket.OPEN) {
      socket.close(1000, 'bye');
    }
  }
}
