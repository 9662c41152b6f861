// Who is speaking, and whom the speaker layout follows, from audio levels sampled a few times a second. Pure (the
// caller passes the time), so ClientLogicIT pins the hysteresis down. Speech comes in bursts with short pauses
// between words: without hysteresis the highlight would blink with every syllable and the layout jump at every cough.

/**
 * Levels are RMS amplitudes 0..1, as getStats' audioLevel (1 = full scale). Speech into a laptop microphone is about
 * 0.05–0.3, a quiet room under 0.01. A tile lights up at START and stays lit while the level is above STOP or for
 * HOLD_MS after it was last at START; the layout moves to another speaker only after they spoke for SWITCH_MS while
 * the one it follows was silent.
 */
export const SPEAKING = Object.freeze({ START: 0.03, STOP: 0.015, HOLD_MS: 1500, SWITCH_MS: 1000 });

/** The RMS level over an interval from two readings of totalAudioEnergy and totalSamplesDuration (getStats). */
export function levelBetween(before, now) {
  if (!before || !now) {
    return undefined;
  }
  const seconds = now.totalSamplesDuration - before.totalSamplesDuration;
  const energy = now.totalAudioEnergy - before.totalAudioEnergy;
  return seconds > 0 && energy >= 0 ? Math.sqrt(energy / seconds) : undefined;
}

export class SpeakerTracker {
  /** followable(id): whether the layout may follow this participant (not oneself). */
  constructor({ followable = () => true, thresholds = SPEAKING } = {}) {
    this.followable = followable;
    this.thresholds = thresholds;
    this.loudAt = new Map();
    this.speakingSince = new Map();
    this.active = null;
  }

  /**
   * levels: {participantId: level}, for everyone still there (a missing one is silent and cannot stay active);
   * now: milliseconds. Returns {speaking: [ids], active: id or null}.
   */
  update(levels, now) {
    const { START, STOP, HOLD_MS, SWITCH_MS } = this.thresholds;
    for (const id of [...this.speakingSince.keys()]) {
      if (!(id in levels)) {
        this.speakingSince.delete(id);
        this.loudAt.delete(id);
      }
    }
    for (const [id, level] of Object.entries(levels)) {
      if (level >= START) {
        this.loudAt.set(id, now);
      }
      const wasSpeaking = this.speakingSince.has(id);
      const speaking = (wasSpeaking && level >= STOP) || now - (this.loudAt.get(id) ?? -Infinity) <= HOLD_MS;
      if (speaking && !wasSpeaking) {
        this.speakingSince.set(id, now);
      } else if (!speaking) {
        this.speakingSince.delete(id);
      }
    }
    if (this.active !== null && !(this.active in levels)) {
      this.active = null;
    }
    const activeSpeaking = this.speakingSince.has(this.active);
    const candidates = [...this.speakingSince.entries()]
      .filter(([id, since]) => id !== this.active && this.followable(id)
        && (this.active === null || now - since >= SWITCH_MS))
      .sort((a, b) => (levels[b[0]] ?? 0) - (levels[a[0]] ?? 0));
    if (candidates.length && !activeSpeaking) {
      this.active = candidates[0][0];
    }
    return { speaking: [...this.speakingSince.keys()], active: this.active };
  }
}
