// The call's own controls: microphone and camera toggles (tracks are disabled, never renegotiated; keys M and V, as
// in most meeting apps), "Turn on sound" when the browser's autoplay policy held the audio back, the quality page and
// "Leave". A host's `muted` turns the microphone off here.
import { h, toast } from '../dom.js';
import { Incoming } from './messages.js';

const SHORTCUTS = { m: 'audio', v: 'video' };

export class MediaControls {
  /**
   * onChange() after the local microphone or camera changed; onSoundOn() when "Turn on sound" was pressed; extras:
   * more controls of other features (the device menu), after the toggles.
   */
  constructor({ media, meetingId, onChange, onSoundOn, onLeave, extras = [] }) {
    this.media = media;
    this.onChange = onChange;
    // a toggle's name stays "Microphone"; aria-pressed says whether it is on (the visible on/off is for the eye)
    this.micButton = h('button', { type: 'button', id: 'toggle-mic', className: 'toggle', 'aria-keyshortcuts': 'M',
      title: 'Microphone (M)', onclick: () => this.toggle('audio') });
    this.cameraButton = h('button', { type: 'button', id: 'toggle-camera', className: 'toggle', 'aria-keyshortcuts': 'V',
      title: 'Camera (V)', onclick: () => this.toggle('video') });
    this.onKey = (event) => this.shortcut(event);
    document.addEventListener('keydown', this.onKey);
    this.soundButton = h('button', { type: 'button', id: 'enable-sound', className: 'secondary', hidden: true,
      onclick: () => {
        this.soundButton.hidden = true;
        onSoundOn();
      } }, 'Turn on sound');
    this.element = h('nav', { className: 'controls', 'aria-label': 'Call controls' },
      this.micButton,
      this.cameraButton,
      ...extras,
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

  /** A plain M or V, unless someone is typing (chat, a form) or a dialog is open. */
  shortcut(event) {
    const kind = SHORTCUTS[event.key?.toLowerCase()];
    const target = event.target;
    const typing = target instanceof HTMLElement
      && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (!kind || typing || event.ctrlKey || event.metaKey || event.altKey || event.repeat
      || document.querySelector('dialog[open]') || !this.media.has(kind)) {
      return;
    }
    event.preventDefault();
    this.toggle(kind);
  }

  stop() {
    document.removeEventListener('keydown', this.onKey);
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
