// The publishing half of SFU mode: one sendonly RTCPeerConnection carrying the camera (in three simulcast layers,
// sfu-logic.js) and microphone, and the screen (one layer) while sharing. Its offer goes out whole, once ICE
// gathering is complete (`sfu-publish`, no trickle), and `sfu-answer` completes it; a screen share starting or
// stopping offers again. One offer is in flight at a time: a change meanwhile waits for the answer, since the server
// answers each `sfu-publish` in order.
import { iceConfiguration } from './ice-policy.js';
import { Outgoing } from './messages.js';
import { GATHERING_MS, sendEncodingsFor } from './sfu-logic.js';

/** Resolves once the connection gathered its candidates, or after ms with whatever it has. */
export function gathered(pc, ms = GATHERING_MS) {
  if (pc.iceGatheringState === 'complete') {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', check);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') {
        done();
      }
    };
    const timer = setTimeout(done, ms);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

export class SfuPublisher {
  /**
   * send(message) puts a message on the socket; stream: the local camera and microphone (null: none); screen: the
   * shared screen's stream or null.
   */
  constructor({ send, iceServers, stream, screen }) {
    this.send = send;
    this.iceServers = iceServers;
    this.stream = stream;
    this.screen = screen;
    this.pc = null;
    this.screenTransceiver = null;
    this.inFlight = false;
    this.again = false;
    this.closed = false;
  }

  hasMedia() {
    return Boolean(this.stream?.getTracks().length) || Boolean(this.screen);
  }

  /**
   * Offers what is there to send; with nothing to send and no connection yet, `sdp: null` (receive only). Every
   * participant sends one of these on entering SFU mode: it is what puts them in the room.
   */
  async publish() {
    if (this.closed) {
      return;
    }
    if (this.inFlight) {
      this.again = true;
      return;
    }
    if (!this.pc && !this.hasMedia()) {
      this.send({ type: Outgoing.SFU_PUBLISH, sdp: null, screen: null });
      return;
    }
    const pc = this.connection();
    this.inFlight = true;
    try {
      await pc.setLocalDescription(await pc.createOffer());
      await gathered(pc);
      if (pc === this.pc && !this.closed) {
        this.sendOffer();
      }
    } catch (error) {
      this.inFlight = false;
      console.warn('publishing to the media server failed', error);
    }
  }

  sendOffer() {
    const sharing = this.screen && this.screenTransceiver?.mid;
    this.send({ type: Outgoing.SFU_PUBLISH, sdp: this.pc.localDescription.sdp,
      screen: sharing ? this.screenTransceiver.mid : null });
  }

  /** `sfu-answer`: the server's answer to the offer in flight; a change that waited meanwhile is offered next. */
  async answer(sdp) {
    const pc = this.pc;
    if (!pc || typeof sdp !== 'string' || pc.signalingState !== 'have-local-offer') {
      return;
    }
    try {
      await pc.setRemoteDescription({ type: 'answer', sdp });
    } catch (error) {
      console.warn('the media server\'s answer was refused', error);
      await pc.setLocalDescription({ type: 'rollback' }).catch(() => {});
    }
    this.inFlight = false;
    if (this.again) {
      this.again = false;
      this.publish();
    }
  }

  connection() {
    if (this.pc) {
      return this.pc;
    }
    const pc = new RTCPeerConnection({ ...iceConfiguration(this.iceServers), bundlePolicy: 'max-bundle' });
    this.pc = pc;
    for (const track of this.stream?.getTracks() || []) {
      pc.addTransceiver(track, { direction: 'sendonly', streams: [this.stream],
        sendEncodings: sendEncodingsFor(track.kind) });
    }
    const screenTrack = this.screen?.getVideoTracks()[0];
    if (screenTrack) {
      this.screenTransceiver = pc.addTransceiver(screenTrack, { direction: 'sendonly', streams: [this.screen] });
    }
    pc.onconnectionstatechange = () => {
      if (pc !== this.pc) {
        return;
      }
      if (pc.connectionState === 'failed') {
        // new candidates for the same session: the next offer carries the ICE restart
        pc.restartIce();
        this.publish();
      }
    };
    return pc;
  }

  /**
   * Starts (stream) or stops (null) sending the screen, then offers again. The screen keeps one transceiver: stopped,
   * it goes inactive (the server disables that stream) and a later share sends on it again.
   */
  async setScreen(stream) {
    this.screen = stream;
    const track = stream?.getVideoTracks()[0] || null;
    if (this.closed) {
      return;
    }
    if (this.pc) {
      if (this.screenTransceiver) {
        await this.screenTransceiver.sender.replaceTrack(track);
        this.screenTransceiver.direction = track ? 'sendonly' : 'inactive';
        if (stream) {
          this.screenTransceiver.sender.setStreams?.(stream);
        }
      } else if (track) {
        this.screenTransceiver = this.pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
      }
    }
    if (this.pc || track) {
      await this.publish();
    }
  }

  /** Another camera or microphone: the sender switches tracks in place, nothing is offered again. */
  async replaceTrack(kind, track) {
    const transceiver = this.pc?.getTransceivers()
      .find((candidate) => candidate !== this.screenTransceiver && candidate.receiver.track?.kind === kind);
    if (transceiver) {
      await transceiver.sender.replaceTrack(track);
    }
  }

  close() {
    this.closed = true;
    if (this.pc) {
      this.pc.onconnectionstatechange = null;
      this.pc.close();
    }
  }
}
