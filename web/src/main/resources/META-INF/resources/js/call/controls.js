// The call's own controls: microphone and camera toggles (tracks are disabled, never renegotiated), "Turn on sound"
// when the browser's autoplay policy held the audio back, the quality page and "Leave". A host's `muted` turns the
// microphone off here.
import { h, toast } from '../dom.js';
import { Incoming } from './messages.js';

export class MediaControls {
  /** onChange() after the local microphone or camera changed; onSoundOn() when "Turn on sound" was pressed. */
  constructor({ media, meetingId, onChange, onSoundOn, onLeave }) {
    this.media = media;
    this.onChange = onChange;
    // a toggle's name stays "Microphone"; aria-pressed says whether it is on (the visible on/off is for the eye)
    this.micButton = h('button', { type: 'button', id: 'toggle-mic', className: 'toggle',
      onclick: () => this.toggle('audio') });
    this.cameraButton = h('button', { type: 'button', id: 'toggle-camera', className: 'toggle',
      onclick: () => this.toggle('video') });
    this.soundButton = h('button', { type: 'button', id: 'enable-sound', className: 'secondary', hidden: true,
      onclick: () => {
        this.soundButton.hidden = true;
        onSoundOn();
      } }, 'Turn on sound');
    this.element = h('nav', { className: 'controls', 'aria-label': 'Call controls' },
      this.micButton,
      this.cameraButton,
      this.soundButton,
      h('a', { id: 'quality-link', className: 'button secondary', href: `/m/${encodeURIComponent(meetingId)}/quality`,
        target: '_blank', rel: 'opener' }, 'Call quality'),
      h('button', { type: 'button', id: 'leave-call', className: 'danger', onclick: onLeave }, 'Leave'));
    this.draw();
  }

  messages() {
    return {
      [Incoming.MUTED]: () => {
        if (this.media.enabled('audio')) {
          this.set('audio', false);
        }
        toast('The host muted your microphone.');
      },
    };
  }

  soundBlocked() {
    this.soundButton.hidden = false;
  }

  toggle(kind) {
    this.set(kind, !this.media.enabled(kind));
  }

  set(kind, enabled) {
    this.media.setEnabled(kind, enabled);
    this.draw();
    this.onChange();
  }

  draw() {
    for (const [button, kind, label] of [[this.micButton, 'audio', 'Microphone'], [this.cameraButton, 'video', 'Camera']]) {
      const available = this.media.has(kind);
      const on = this.media.enabled(kind);
      button.setAttribute('aria-pressed', String(on));
      button.disabled = !available;
      button.replaceChildren(label, h('span', { className: 'toggle-state', 'aria-hidden': 'true' },
        available ? (on ? 'on' : 'off') : 'none'));
    }
  }
}
