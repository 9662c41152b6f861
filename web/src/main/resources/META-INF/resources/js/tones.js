// The ringtone of an incoming call and the caller's ringback, made with Web Audio (no sound files to fetch). A
// browser lets a page play sound only after the person interacted with it; until then the tone stays silent and the
// banner alone tells of the call. One tone at a time; `data-tone` on <html> says which is on (for tests and styling).

/** Tone patterns: frequencies (Hz), seconds on, seconds of the whole cycle. */
const PATTERNS = {
  ringtone: { frequencies: [660, 880], on: 1.2, cycle: 3 },
  ringback: { frequencies: [440, 480], on: 2, cycle: 6 },
};
const VOLUME = 0.06;

let context = null;
let playing = null; // {kind, stop()}

function audioContext() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) {
    return null;
  }
  context = context || new Context();
  if (context.state === 'suspended') {
    context.resume().catch(() => {}); // refused without a user gesture: silent, as promised
  }
  return context;
}

/** Plays `kind` ('ringtone' or 'ringback') until stopTone(); a second call with the same kind changes nothing. */
export function startTone(kind) {
  if (playing?.kind === kind) {
    return;
  }
  stopTone();
  const pattern = PATTERNS[kind];
  document.documentElement.dataset.tone = kind;
  let timer = null;
  const nodes = [];
  const ring = () => {
    const audio = audioContext();
    if (!audio) {
      return;
    }
    const gain = audio.createGain();
    gain.gain.value = VOLUME;
    gain.connect(audio.destination);
    const start = audio.currentTime;
    nodes.splice(0); // the last cycle's oscillators have stopped by now
    for (const frequency of pattern.frequencies) {
      const oscillator = audio.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(start);
      oscillator.stop(start + pattern.on);
      nodes.push(oscillator);
    }
  };
  ring();
  timer = setInterval(ring, pattern.cycle * 1000);
  playing = {
    kind,
    stop() {
      clearInterval(timer);
      for (const node of nodes) {
        try {
          node.stop();
        } catch {
          // already stopped
        }
      }
    },
  };
}

export function stopTone() {
  playing?.stop();
  playing = null;
  delete document.documentElement.dataset.tone;
}

/** Which tone is on: 'ringtone', 'ringback' or null. */
export function currentTone() {
  return playing?.kind ?? null;
}
