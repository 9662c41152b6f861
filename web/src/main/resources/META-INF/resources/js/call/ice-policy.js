// Forcing the TURN relay, a diagnostics option (docs/web-client.md, "Forcing the TURN relay"): a meeting's address
// with `?ice=relay` makes every RTCPeerConnection of the call relay-only (iceTransportPolicy 'relay'), the mesh's
// and the SFU's alike, so all media goes through the TURN server `welcome` names. Like "force TURN" in other apps'
// debug settings: for people on networks that block direct UDP, and for support checking that the relay works.
import { h } from '../dom.js';

export const RELAY_TEXT = 'Media relayed through TURN only';
export const NO_RELAY_TEXT = 'Relay-only media was asked for (?ice=relay), but this server offers no TURN relay: '
  + 'the call cannot connect its audio and video. Open the meeting without ?ice=relay.';

/** Whether the page's address asks for relay-only media. */
export function relayForced(search = location.search) {
  return new URLSearchParams(search).get('ice') === 'relay';
}

/** Whether one of the ICE servers (as `welcome` lists them) is a TURN server. */
export function offersRelay(iceServers) {
  return (Array.isArray(iceServers) ? iceServers : []).some((server) => [server?.urls].flat()
    .some((url) => typeof url === 'string' && /^turns?:/i.test(url)));
}

/** The configuration of every connection of the call: the ICE servers, and relay-only when the address says so. */
export function iceConfiguration(iceServers, search = location.search) {
  return relayForced(search) ? { iceServers, iceTransportPolicy: 'relay' } : { iceServers };
}

/**
 * In the call bar (#relay-status, data-relay `forced` or `unavailable`): that the relay is forced, or that it
 * cannot be, since without a TURN server a relay-only connection gathers no candidate and never connects.
 */
export class RelayNotice {
  constructor() {
    this.element = h('p', { id: 'relay-status', className: 'connection-status', role: 'status', hidden: true });
  }

  /** Every `welcome`, with its ICE servers. */
  update(iceServers, search = location.search) {
    const forced = relayForced(search);
    const missing = forced && !offersRelay(iceServers);
    this.element.hidden = !forced;
    this.element.textContent = missing ? NO_RELAY_TEXT : forced ? RELAY_TEXT : '';
    this.element.dataset.relay = missing ? 'unavailable' : forced ? 'forced' : 'off';
    if (missing) {
      this.element.dataset.state = 'lost'; // the call bar's styles for a connection that cannot work
    } else {
      delete this.element.dataset.state;
    }
  }
}
