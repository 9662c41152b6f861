// What the signaling connection is doing, in the call bar ("Reconnecting (attempt 2)…"), and as the call view's
// data-state for the styles.
import { h } from '../dom.js';

const STATUS_TEXT = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  lost: 'Connection lost',
};

export class ConnectionStatus {
  constructor() {
    this.element = h('p', { id: 'connection-status', className: 'connection-status', role: 'status',
      'data-state': 'connecting' }, STATUS_TEXT.connecting);
  }

  show(state, detail = {}) {
    this.element.dataset.state = state;
    this.element.textContent = state === 'reconnecting' && detail.delayMs
      ? `Reconnecting (attempt ${detail.attempt})…` : STATUS_TEXT[state];
  }
}
