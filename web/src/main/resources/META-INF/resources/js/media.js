// The local camera and microphone. Turning one off disables its track (the peers receive silence / black frames)
// rather than removing it, so toggling needs no renegotiation and is instant for everyone.

const VIDEO = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } };

export class LocalMedia {
  constructor(stream) {
    this.stream = stream;
  }

  /**
   * Asks for camera and microphone, falling back to whichever exists. Resolves to {media} or to
   * {error: 'denied' | 'unavailable' | 'unsupported', detail}.
   */
  static async acquire() {
    if (!navigator.mediaDevices?.getUserMedia) {
      return { error: 'unsupported', detail: 'This browser cannot use a camera here (it needs https or localhost).' };
    }
    let lastError;
    for (const constraints of [{ audio: true, video: VIDEO }, { audio: true }, { video: VIDEO }]) {
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

  /** The `media` message peers learn our state from. */
  state() {
    return { audio: this.enabled('audio'), video: this.enabled('video') };
  }

  stop() {
    this.stream?.getTracks().forEach((track) => track.stop());
  }
}
