// A full mesh of RTCPeerConnections, one per other participant, negotiated with the "perfect negotiation" pattern
// (https://w3c.github.io/webrtc-pc/#perfect-negotiation-example): both sides may offer whenever they need to; on a
// collision the polite side rolls back and answers, the impolite side ignores the other offer. So two participants
// that see each other at the same moment and both offer never deadlock.
//
// Signaling payloads (the `sdp` / `candidate` fields of docs/signaling.md, which may be any JSON):
//   offer/answer: {description: {type, sdp}, cid, peerCid}     ice: {candidate: RTCIceCandidateInit, cid, peerCid}
// `cid` names the sender's RTCPeerConnection, `peerCid` the receiver's connection it is meant for (policy.signalAction).
import { iceConfiguration } from './call/ice-policy.js';
import { randomId } from './dom.js';
import { isPolite, signalAction } from './policy.js';

/**
 * Perfect negotiation never resends a lost offer, answer or candidate, and signaling can lose one: a relay to a peer
 * whose presence is briefly missing (a reconnect through another instance) is refused as unknown-participant. So a
 * connection whose negotiation has not completed after NEGOTIATION_PATIENCE_MS, or that is still not connected after
 * ICE_PATIENCE_MS, starts over. Up to JITTER_MS more, so that both sides rarely give up at the same moment.
 */
const NEGOTIATION_PATIENCE_MS = 12000;
const ICE_PATIENCE_MS = 30000;
const JITTER_MS = 4000;

class PeerLink {
  constructor(mesh, peerId) {
    this.mesh = mesh;
    this.peerId = peerId;
    this.polite = isPolite(mesh.selfId, peerId);
    this.remoteCid = null;
    this.work = Promise.resolve();
    this.createConnection();
  }

  createConnection() {
    const pc = new RTCPeerConnection(iceConfiguration(this.mesh.iceServers));
    this.pc = pc;
    this.localCid = randomId();
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.settingRemoteAnswer = false;
    this.pendingCandidates = [];
    this.streams = new Map();
    this.screenSender = null;
    const local = this.mesh.localStream;
    const tracks = local ? local.getTracks() : [];
    for (const track of tracks) {
      pc.addTrack(track, local);
    }
    this.sendScreen(this.mesh.screen);
    // without a camera or microphone, still ask to receive both, so this side's offer brings the peer's media
    for (const kind of ['audio', 'video']) {
      if (!tracks.some((track) => track.kind === kind)) {
        pc.addTransceiver(kind, { direction: 'recvonly' });
      }
    }
    pc.ontrack = ({ track, streams }) => {
      if (pc !== this.pc) {
        return;
      }
      // the camera and microphone come in one stream, a screen share in another (screen-share.js tells them apart)
      const key = streams[0]?.id || 'default';
      let stream = this.streams.get(key);
      if (!stream) {
        stream = streams[0] || new MediaStream();
        this.streams.set(key, stream);
      }
      if (!stream.getTracks().includes(track)) {
        stream.addTrack(track);
      }
      this.mesh.onTrack(this.peerId, stream);
    };
    pc.onicecandidate = ({ candidate }) => {
      if (pc === this.pc && candidate) {
        this.signal('ice', { candidate: candidate.toJSON() });
      }
    };
    pc.onnegotiationneeded = async () => {
      if (pc !== this.pc) {
        return;
      }
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        if (pc === this.pc && pc.signalingState === 'have-local-offer') {
          this.signal('offer', { description: pc.localDescription.toJSON() });
        }
      } catch (error) {
        console.warn(`offer to ${this.peerId} failed`, error);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onconnectionstatechange = () => {
      if (pc !== this.pc) {
        return;
      }
      if (pc.connectionState === 'failed' && !this.mesh.sfuMode) {
        // a network change or a NAT rebinding: new candidates, same connection (negotiationneeded follows)
        pc.restartIce();
        this.watch();
      }
      this.mesh.onState(this.peerId, pc.connectionState, { iceRestart: pc.connectionState === 'failed' });
    };
    this.mesh.onState(this.peerId, pc.connectionState);
    this.watch();
  }

  /** Starts over unless the connection is up in time (see NEGOTIATION_PATIENCE_MS). */
  watch(iceAtWork = false) {
    clearTimeout(this.watchdog);
    const pc = this.pc;
    const patience = iceAtWork ? ICE_PATIENCE_MS - NEGOTIATION_PATIENCE_MS : NEGOTIATION_PATIENCE_MS;
    this.watchdog = setTimeout(() => {
      if (pc !== this.pc || pc.connectionState === 'connected') {
        return;
      }
      const negotiated = pc.signalingState === 'stable' && pc.connectionState !== 'new';
      if (negotiated && !iceAtWork) {
        this.watch(true); // negotiation is done and ICE is checking: give it the rest of its time
        return;
      }
      console.warn(`connection to ${this.peerId} stuck (${pc.signalingState}, ${pc.connectionState}); starting over`);
      this.restart();
    }, patience + Math.random() * JITTER_MS);
  }

  /** Adds, replaces or (null) removes the shared screen's track; negotiationneeded does the rest. */
  sendScreen(screen) {
    if (this.screenSender) {
      this.pc.removeTrack(this.screenSender);
      this.screenSender = null;
    }
    const track = screen?.getVideoTracks()[0];
    if (track) {
      this.screenSender = this.pc.addTrack(track, screen);
    }
  }

  signal(type, payload) {
    this.mesh.send({ type, to: this.peerId, [type === 'ice' ? 'candidate' : 'sdp']: {
      ...payload, cid: this.localCid, peerCid: this.remoteCid } });
  }

  /** Messages of one peer are handled strictly in order: each step awaits the previous one. */
  handle(type, payload) {
    this.work = this.work.then(() => this.process(type, payload)).catch((error) => {
      console.warn(`signaling with ${this.peerId} failed; starting a fresh connection`, error);
      this.restart();
    });
    return this.work;
  }

  async process(type, payload) {
    if (!payload || typeof payload !== 'object' || typeof payload.cid !== 'string') {
      return;
    }
    const action = signalAction({ type, cid: payload.cid, peerCid: payload.peerCid }, {
      localCid: this.localCid,
      remoteCid: this.remoteCid,
      hasRemoteDescription: Boolean(this.pc.remoteDescription),
    });
    if (action === 'drop') {
      return;
    }
    if (action === 'restart') {
      if (this.mesh.sfuMode) {
        return; // a peer starting over; on the SFU nobody does, this connection only lasts until the switch
      }
      this.replaceConnection();
    }
    this.remoteCid = payload.cid;
    if (type === 'ice') {
      await this.addCandidate(payload.candidate);
      return;
    }
    const description = payload.description;
    const pc = this.pc;
    if (description.type === 'answer' && pc.signalingState === 'stable') {
      return; // an answer to an offer that a collision already replaced
    }
    const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) {
      return;
    }
    this.settingRemoteAnswer = description.type === 'answer';
    await pc.setRemoteDescription(description); // a polite side with an offer of its own rolls back implicitly
    this.settingRemoteAnswer = false;
    for (const candidate of this.pendingCandidates.splice(0)) {
      await this.addCandidate(candidate);
    }
    if (description.type === 'offer') {
      await pc.setLocalDescription();
      if (pc.localDescription.type === 'answer') {
        this.signal('answer', { description: pc.localDescription.toJSON() });
      }
    }
  }

  async addCandidate(candidate) {
    if (!candidate) {
      return;
    }
    if (!this.pc.remoteDescription) {
      this.pendingCandidates.push(candidate);
      return;
    }
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (error) {
      if (!this.ignoreOffer) {
        throw error;
      }
    }
  }

  replaceConnection() {
    this.close();
    this.remoteCid = null;
    this.createConnection();
  }

  /**
   * After an error: a new connection, which offers on its own (negotiationneeded) and so resets the peer too. On the
   * SFU the link just goes: the media server carries this peer's media.
   */
  restart() {
    if (this.mesh.sfuMode) {
      this.mesh.disconnect(this.peerId);
      return;
    }
    this.replaceConnection();
  }

  /** A connection that cannot recover by itself (closed, or failed even after an ICE restart). */
  get broken() {
    return ['closed', 'failed'].includes(this.pc.connectionState);
  }

  close() {
    clearTimeout(this.watchdog);
    const pc = this.pc;
    pc.ontrack = pc.onicecandidate = pc.onnegotiationneeded = pc.onconnectionstatechange = null;
    pc.close();
  }
}

export class PeerMesh {
  /**
   * send(message): puts a signaling message on the socket; onTrack(peerId, stream): remote media arrived;
   * onState(peerId, connectionState, {iceRestart}): for the tile's media state (iceRestart: restartIce() just ran).
   */
  constructor({ send, onTrack, onState }) {
    this.send = send;
    this.onTrack = onTrack;
    this.onState = onState;
    this.selfId = null;
    this.iceServers = [];
    this.localStream = null;
    this.links = new Map();
    this.sfuMode = false;
  }

  /**
   * The meeting moved to the SFU (call/sfu.js): no new links, no offers taken, no restarts; the links that exist keep
   * their media until the SFU session closes them (closeAll).
   */
  enterSfuMode() {
    this.sfuMode = true;
  }

  /** The server put the meeting back on the mesh (the next welcome's roster connects everyone). */
  leaveSfuMode() {
    this.sfuMode = false;
  }

  /** From `welcome`; links made after this use the new servers (TURN credentials are short-lived). */
  configure(selfId, iceServers) {
    this.selfId = selfId;
    this.iceServers = Array.isArray(iceServers) ? iceServers : [];
    for (const link of this.links.values()) {
      try {
        link.pc.setConfiguration(iceConfiguration(this.iceServers));
      } catch {
        // some changes need a new connection; the current one keeps working with what it has
      }
    }
  }

  setLocalStream(stream) {
    this.localStream = stream;
  }

  /** A link to the peer, created if missing or replaced if its connection is beyond repair. */
  connect(peerId) {
    let link = this.links.get(peerId);
    if (this.sfuMode) {
      return link || null;
    }
    if (link && link.broken) {
      link.restart();
    }
    if (!link) {
      link = new PeerLink(this, peerId);
      this.links.set(peerId, link);
    }
    return link;
  }

  /** offer / answer / ice from `from`. */
  handle(type, from, payload) {
    if (!this.selfId || from === this.selfId) {
      return Promise.resolve();
    }
    const link = this.connect(from);
    if (!link || (this.sfuMode && type === 'offer')) {
      return Promise.resolve();
    }
    return link.handle(type, payload);
  }

  disconnect(peerId) {
    const link = this.links.get(peerId);
    if (link) {
      link.close();
      this.links.delete(peerId);
    }
  }

  /** Keeps only the links to these peers (after a reconnect's `welcome`). */
  retain(peerIds) {
    for (const peerId of [...this.links.keys()]) {
      if (!peerIds.includes(peerId)) {
        this.disconnect(peerId);
      }
    }
  }

  /**
   * After a reconnect: a connection that was still negotiating may have lost an offer or answer with the old socket,
   * and perfect negotiation does not resend them. It starts over; established ones keep their media flowing.
   */
  restartUnconnected() {
    for (const link of this.links.values()) {
      if (link.pc.connectionState !== 'connected') {
        link.restart();
      }
    }
  }

  /** Another camera or microphone: the senders switch tracks in place, so no connection renegotiates. */
  replaceTrack(kind, track) {
    return Promise.all([...this.links.values()].map((link) => {
      const sender = link.pc.getSenders()
        .find((candidate) => candidate !== link.screenSender && candidate.track?.kind === kind);
      return sender ? sender.replaceTrack(track) : null;
    }));
  }

  /** Shares a screen with every peer, now and with those who come later; null stops sharing. */
  setScreen(stream) {
    this.screen = stream;
    if (this.sfuMode) {
      return; // the SFU carries it; the links only last until the switch
    }
    for (const link of this.links.values()) {
      link.sendScreen(stream);
    }
  }

  /** The streams a peer sends: its camera and microphone, and its screen while it shares one. */
  streams(peerId) {
    return [...(this.links.get(peerId)?.streams.values() || [])];
  }

  connections() {
    return [...this.links.values()].map((link) => ({ peerId: link.peerId, pc: link.pc }));
  }

  closeAll() {
    for (const peerId of [...this.links.keys()]) {
      this.disconnect(peerId);
    }
  }
}
