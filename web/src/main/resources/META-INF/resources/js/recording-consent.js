// The recording notice someone gets before their camera and microphone reach a recorded meeting: on the pre-join
// screen, on the screen a reload shows instead of it, or in the call when the recording was found only on joining.
// Three choices: join with camera and microphone off, join as chosen, or leave. The recording the person was told
// of is remembered for the tab (sessionStorage), so a reload or a reconnect does not ask again.
import { h } from './dom.js';

const PREFIX = 'parley.recording-told.';

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the person is asked again after a reload, which is the safe side
  }
}

/** The recording id this tab's person was told of in meeting `meetingId`, or null. */
export function toldOf(meetingId) {
  return (meetingId && storage()?.getItem(PREFIX + meetingId)) || null;
}

export function rememberTold(meetingId, recordingId) {
  if (meetingId && recordingId) {
    storage()?.setItem(PREFIX + meetingId, recordingId);
  }
}

const TEXT = 'The host is recording this meeting: what you say and show from now on is in the recording, which the '
  + 'host and their organization\'s owners and admins can watch. ';
const CHOICE = {
  join: 'You can join with your camera and microphone off (you can turn them on later), or leave.',
  call: 'Your camera and microphone are off until you choose: keep them off (you can turn them on later), continue '
    + 'with them, or leave.',
};

const LABELS = {
  join: { off: 'Join with camera and microphone off', on: 'Join with camera and microphone', leave: 'Leave' },
  call: { off: 'Keep camera and microphone off', on: 'Continue with my camera and microphone',
    leave: 'Leave the meeting' },
};

/**
 * `#recording-consent`: a section (pre-join, `where: 'join'`) or a modal dialog (in the call, `where: 'call'`) with
 * `#consent-join-off`, `#consent-join` and `#consent-leave`.
 */
export function consentPanel({ where = 'join', onJoinOff, onJoin, onLeave }) {
  const labels = LABELS[where];
  const button = (id, className, text, onclick) => h('button', { type: 'button', id, className, onclick }, text);
  const content = [
    h('h2', { id: 'recording-consent-title' }, h('span', { className: 'recording-dot', 'aria-hidden': 'true' }),
      'This meeting is being recorded'),
    h('p', { id: 'recording-consent-text' }, TEXT + CHOICE[where]),
    h('div', { className: 'actions' },
      button('consent-join-off', 'primary', labels.off, onJoinOff),
      button('consent-join', 'secondary', labels.on, onJoin),
      button('consent-leave', 'secondary', labels.leave, onLeave)),
  ];
  const props = { id: 'recording-consent', className: 'recording-consent', 'aria-labelledby': 'recording-consent-title',
    'aria-describedby': 'recording-consent-text' };
  const panel = h(where === 'call' ? 'dialog' : 'section', props, ...content);
  // the dialog must be answered: Escape would leave the choice open with the media off and nothing said
  panel.addEventListener('cancel', (event) => event.preventDefault());
  return panel;
}
