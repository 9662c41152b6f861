// The meeting timer a host starts: a countdown in the call bar from `timer` (or from `welcome` for a timer that was
// already running when this tab joined), "Time is up" at the end.
import { formatClock, h, toast } from '../dom.js';
import { Incoming } from './messages.js';

/** How long "Time is up" stays. */
const DONE_SHOWN_MS = 10000;

export class TimerDisplay {
  constructor() {
    this.countdown = null;
    this.welcomed = false;
    this.element = h('p', { id: 'timer', className: 'timer', role: 'timer', hidden: true });
  }

  messages() {
    return {
      [Incoming.WELCOME]: ({ meeting }) => {
        const timer = meeting?.timer;
        if (!this.welcomed && timer && Date.parse(timer.endsAt) > Date.now()) {
          this.start(timer);
        }
        this.welcomed = true;
      },
      [Incoming.TIMER]: (message) => this.start(message),
    };
  }

  start({ seconds, endsAt }) {
    this.stop();
    // the server's end time, but never more than the preset from now: a client clock running behind must not
    // show a longer countdown than the host chose
    const endMs = Math.min(Date.parse(endsAt) || Infinity, Date.now() + seconds * 1000);
    const tick = () => {
      const remaining = (endMs - Date.now()) / 1000;
      this.element.hidden = false;
      if (remaining > 0) {
        this.element.dataset.state = 'running';
        this.element.textContent = `Timer ${formatClock(remaining)}`;
        return;
      }
      this.stop();
      this.element.dataset.state = 'done';
      this.element.textContent = 'Time is up';
      toast('Time is up.');
      this.countdown = setTimeout(() => {
        this.element.hidden = true;
      }, DONE_SHOWN_MS);
    };
    tick();
    if (endMs > Date.now()) {
      toast(`A ${presetName(seconds)} timer started.`);
      this.countdown = setInterval(tick, 250);
    }
  }

  stop() {
    clearInterval(this.countdown);
    clearTimeout(this.countdown);
  }
}

/** A preset's button text: "15 s", "2 min", "1:30". */
export function presetLabel(seconds) {
  if (seconds < 60) {
    return `${seconds} s`;
  }
  return seconds % 60 === 0 ? `${seconds / 60} min` : formatClock(seconds);
}

/** A preset as said aloud: "15 second", "2 minute", "90 second" (as in "Start a 2 minute timer"). */
export function presetName(seconds) {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} minute` : `${seconds} second`;
}
