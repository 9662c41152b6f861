// The meeting's link in the call bar, with "Copy link" (and a fallback where the clipboard is not allowed).
import { h, toast } from '../dom.js';

export class InviteLink {
  constructor(meetingRef) {
    const invite = new URL(`/m/${encodeURIComponent(meetingRef)}`, location.origin).href;
    this.input = h('input', { id: 'invite-link', readOnly: true, value: invite, 'aria-label': 'Meeting link' });
    const copy = h('button', { type: 'button', id: 'copy-link', className: 'secondary', onclick: () => this.copy() },
      'Copy link');
    this.element = h('div', { className: 'invite' }, this.input, copy);
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.input.value);
      toast('Link copied.');
    } catch {
      this.input.select();
      toast('Press Ctrl+C (or ⌘C) to copy the selected link.');
    }
  }
}
