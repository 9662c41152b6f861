// What the media to each peer is doing, on that peer's tile: connecting, reconnecting after a drop, restarting ICE
// after a failure — from the peer connection's connectionState (mesh.js's onState). The signaling side is the call
// bar's (connection-status.js): while it reconnects the media usually goes on, so the tiles then say nothing new.
import { h } from '../dom.js';

/**
 * The tile's media state (data-media-state) and its text for a connectionState; detail.iceRestart when mesh.js just
 * restarted ICE; wasConnected: whether media to this peer flowed before (a new connection then is a reconnect).
 */
export function mediaState(connectionState, { iceRestart = false, wasConnected = false } = {}) {
  if (iceRestart) {
    return { state: 'ice-restart', text: 'Connection failed, restarting ICE…' };
  }
  switch (connectionState) {
    case 'connected':
      return { state: 'connected', text: '' };
    case 'disconnected':
      return { state: 'reconnecting', text: 'Media interrupted, reconnecting…' };
    case 'failed':
      return { state: 'failed', text: 'Media connection failed, starting over…' };
    case 'closed':
      return { state: 'closed', text: '' };
    default: // new, connecting
      return wasConnected ? { state: 'reconnecting', text: 'Reconnecting media…' }
        : { state: 'connecting', text: 'Connecting…' };
  }
}

export class TileStates {
  constructor({ grid }) {
    this.labels = new Map();
    this.connectedOnce = new Set();
    grid.addDecorator((participantId, tile) => {
      if (participantId !== grid.selfId) {
        const label = h('p', { className: 'tile-state', role: 'status' });
        tile.append(label);
        this.labels.set(participantId, { tile, label });
        this.apply(participantId, mediaState(tile.dataset.connectionState));
      }
    });
  }

  /** From mesh.js's onState(peerId, connectionState, detail). */
  show(peerId, connectionState, detail = {}) {
    const wasConnected = this.connectedOnce.has(peerId);
    if (connectionState === 'connected') {
      this.connectedOnce.add(peerId);
    }
    this.apply(peerId, mediaState(connectionState, { ...detail, wasConnected }));
  }

  apply(peerId, { state, text }) {
    const entry = this.labels.get(peerId);
    if (!entry) {
      return;
    }
    if (!entry.tile.isConnected && entry.tile.dataset.mediaState) {
      this.labels.delete(peerId);
      this.connectedOnce.delete(peerId);
      return;
    }
    entry.tile.dataset.mediaState = state;
    if (entry.label.textContent !== text) {
      entry.label.textContent = text;
    }
  }
}
