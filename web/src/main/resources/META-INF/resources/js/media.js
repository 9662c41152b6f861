// The local camera and microphone. Turning one off disables its track (the peers receive silence / black frames)
// rather than removing it, so toggling needs no renegotiation and is instant for everyone.
import { constraintsFor } from './devices.js';

export class LocalMedia {
  constructor(stream) {
    this.stream = stream;
  }

  /**
   * Asks for camera and microphone, falling back to whichever exists. Resolves to {media} or to
   * {error: 'denied' | 'unavailable' | 'unsupported', detail}. `choices` (devices.js) names the preferred devices.
   */
  static async acquire(choices = {}) {
    if (!navigator.mediaDevices?.getUserMedia) {
      return { error: 'unsupported', detail: 'This browser cannot use a camera here (it needs https or localhost).' };
    }
    let lastError;
    const audio = constraintsFor('audio');
    const video = constraintsFor('video');
    const ladder = [{ audio, video }, { audio }, { video }];
    if (choices.audioinput || choices.videoinput) {
      // exactly the remembered devices first (browsers may ignore a merely preferred one), any devices after that
      ladder.unshift({ audio: constraintsFor('audio', choices.audioinput, { exact: true }),
        video: constraintsFor('video', choices.videoinput, { exact: true }) });
    }
    for (const constraints of ladder) {
      try {
        return { media: new LocalMedia(await navigator.mediaDevices.getUserMedia(constraints)) };
      } catch (error) {
        lastError = error;
        if (error.name === 'NotAllowedError' || error.name === 'SecurityError') {
          return { error: 'denied', detail: error.message };
        }
      }
    }
    return { error: 'unavailable', detail: lastError?.message || 'No camera or microphone was found.' };
  }

  static none() {
    return new LocalMedia(null);
  }

  track(kind) {
    return this.stream ? this.stream.getTracks().find((track) => track.kind === kind) : undefined;
  }

  has(kind) {
    return Boolean(this.track(kind));
  }

  enabled(kind) {
    const track = this.track(kind);
    return Boolean(track && track.enabled && track.readyState === 'live');
  }

  setEnabled(kind, enabled) {
    const track = this.track(kind);
    if (track) {
      track.enabled = enabled;
    }
  }

  /** Puts another device's track in place of this kind's (same stream, same on/off); the old one is stopped. */
  replaceTrack(kind, track) {
    const old = this.track(kind);
    if (!this.stream) {
      this.stream = new MediaStream();
    }
    if (old) {
      track.enabled = old.enabled;
      this.stream.removeTrack(old);
      old.stop();
    }
    this.stream.addTrack(track);
  }

  /** The `media` message peers learn our state from. */
  state() {
    return { audio: this.enabled('audio'), video: this.enabled('video') };
  }

  stop() {
    this.stream?.getTracks().forEach((track) => track.stop());
  }
}
