// The subscribing half of SFU mode: one recvonly RTCPeerConnection for every stream the others publish. The server
// offers (`sfu-offer`, with the list of which mid carries whose audio, camera or screen), this side answers once ICE
// gathering is complete (`sfu-start`); later offers renegotiate the same connection as people come, go and share.
// Each participant's tracks are gathered into a camera stream (audio and video, for their tile) and a screen stream.
import { iceConfiguration } from './ice-policy.js';
import { Outgoing } from './messages.js';
import { iceUfrag, holdsExactly, tracksByParticipant } from './sfu-logic.js';
import { gathered } from './sfu-publisher.js';

const NONE = Object.freeze({ camera: null, screen: null });

export class SfuSubscriber {
  /**
   * send(message) puts a message on the socket; onTracks(participantIds) after those participants' streams changed;
   * onState(connectionState) follows the connection.
   */
  constructor({ send, iceServers, onTracks, onState }) {
    this.send = send;
    this.iceServers = iceServers;
    this.onTracks = onTracks;
    this.onState = onState;
    this.pc = null;
    this.streams = [];
    this.media = new Map();
    this.work = Promise.resolve();
    this.closed = false;
  }

  /** `sfu-offer`, handled strictly in order (the server sends the next one only after our `sfu-start`). */
  offer(message) {
    this.work = this.work.then(() => this.accept(message)).catch((error) => {
      console.warn('the media server\'s offer could not be taken; waiting for the next one', error);
    });
    return this.work;
  }

  async accept({ sdp, streams }) {
    if (this.closed || typeof sdp !== 'string') {
      return;
    }
    if (this.pc && this.pc.remoteDescription && iceUfrag(sdp) !== iceUfrag(this.pc.remoteDescription.sdp)) {
      this.closeConnection(); // a new subscription on the server (e.g. after a reconnect): a new connection for it
    }
    const pc = this.connection();
    this.streams = Array.isArray(streams) ? streams : [];
    await pc.setRemoteDescription({ type: 'offer', sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    if (pc !== this.pc || this.closed) {
      return;
    }
    this.send({ type: Outgoing.SFU_START, sdp: pc.localDescription.sdp });
    this.refresh();
  }

  connection() {
    if (this.pc) {
      return this.pc;
    }
    const pc = new RTCPeerConnection({ ...iceConfiguration(this.iceServers), bundlePolicy: 'max-bundle' });
    this.pc = pc;
    // event.transceiver.mid names the stream in the offer's list; refresh() maps every transceiver that way
    pc.ontrack = () => {
      if (pc === this.pc) {
        this.refresh();
      }
    };
    pc.onconnectionstatechange = () => {
      if (pc === this.pc) {
        this.onState(pc.connectionState);
      }
    };
    return pc;
  }

  /** Regroups the received tracks by participant; a participant whose tracks stayed the same keeps its streams. */
  refresh() {
    const transceivers = this.pc ? this.pc.getTransceivers()
      .map((transceiver) => ({ mid: transceiver.mid, track: transceiver.receiver.track })) : [];
    const grouped = tracksByParticipant(transceivers, this.streams);
    const changed = [];
    for (const [participantId, tracks] of grouped) {
      const before = this.media.get(participantId) || NONE;
      const next = {
        camera: holdsExactly(before.camera, tracks.camera) ? before.camera : this.streamOf(tracks.camera),
        screen: holdsExactly(before.screen, tracks.screen) ? before.screen : this.streamOf(tracks.screen),
      };
      this.media.set(participantId, next);
      if (next.camera !== before.camera || next.screen !== before.screen) {
        changed.push(participantId);
      }
    }
    for (const participantId of [...this.media.keys()]) {
      if (!grouped.has(participantId)) {
        this.media.delete(participantId);
        changed.push(participantId);
      }
    }
    if (changed.length) {
      this.onTracks(changed);
    }
  }

  streamOf(tracks) {
    return tracks.length ? new MediaStream(tracks) : null;
  }

  /** {camera, screen}: the participant's MediaStreams as received now (null where nothing comes). */
  streamsOf(participantId) {
    return this.media.get(participantId) || NONE;
  }

  get connectionState() {
    return this.pc ? this.pc.connectionState : 'new';
  }

  /**
   * One entry per participant whose media arrives here, shaped like a peer connection as far as the quality
   * reporter and the speaker view look at one: its receivers (camera and microphone) and their statistics.
   */
  connections() {
    const pc = this.pc;
    if (!pc) {
      return [];
    }
    return [...this.media].map(([participantId, { camera }]) => {
      const tracks = camera ? camera.getTracks() : [];
      const receivers = pc.getReceivers().filter((receiver) => tracks.includes(receiver.track));
      return { peerId: participantId, pc: {
        get connectionState() {
          return pc.connectionState;
        },
        getReceivers: () => receivers,
        getSenders: () => [],
        getStats: async () => {
          const merged = new Map();
          for (const receiver of receivers) {
            (await receiver.getStats()).forEach((stat, id) => merged.set(id, stat));
          }
          return merged;
        },
      } };
    });
  }

  closeConnection() {
    const pc = this.pc;
    if (pc) {
      pc.ontrack = pc.onconnectionstatechange = null;
      pc.close();
      this.pc = null;
    }
  }

  /** The tiles keep what they show until a new subscription replaces it (a reconnect), or the call ends. */
  close() {
    this.closed = true;
    this.closeConnection();
  }
}
