// Recording decisions without I/O (docs/web-client.md, "Recording"): what the indicator shows, when someone must be
// asked before their camera and microphone reach a recorded meeting, and how recordings read in a list.

/** The meeting view's (or welcome's) `recording`, or null when the meeting is not being recorded. */
export function recordingOf(meeting) {
  const recording = meeting?.recording;
  return recording && typeof recording.recordingId === 'string' && recording.recordingId ? recording : null;
}

/**
 * Whole seconds since the recording started, never negative: `startedAt` is the server's clock, so a client clock
 * that runs behind would otherwise count backwards; an unreadable `startedAt` counts from `receivedAtMs`.
 */
export function elapsedSeconds(startedAt, nowMs, receivedAtMs = nowMs) {
  const started = Date.parse(startedAt);
  const from = Number.isFinite(started) ? started : receivedAtMs;
  return Math.max(0, Math.floor((nowMs - from) / 1000));
}

/** "0:07", "12:05", "1:02:03". */
export function formatElapsed(totalSeconds) {
  const seconds = Math.max(0, Math.floor(Number(totalSeconds) || 0));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/**
 * What a `welcome` means for this person: `none` (not recording, or they were already told of this recording),
 * `ask` (the first welcome of this call: they join a running recording, so their camera and microphone go off
 * until they chose), `notice` (a later welcome of a call they are in: the recording started while the socket was
 * away, so they hear of it as everyone present did, media untouched).
 */
export function welcomeAction({ recording, acknowledgedId, firstWelcome }) {
  if (!recording || recording.recordingId === acknowledgedId) {
    return 'none';
  }
  return firstWelcome ? 'ask' : 'notice';
}

const STOP_REASONS = {
  host: 'The host stopped the recording.',
  'meeting-ended': 'The recording stopped: the meeting ended.',
  'host-left': 'The recording stopped: the host left.',
  'max-length': 'The recording stopped: it reached its maximum length.',
};

/** What everyone is told when a recording stops, by the `recording` message's `reason`. */
export function stopText(reason) {
  return STOP_REASONS[reason] || 'The recording stopped.';
}

const STATES = { recording: 'Recording', processing: 'Processing', ready: 'Ready', failed: 'Failed' };

/** A recording's state as a list shows it. */
export function stateLabel(state) {
  return STATES[state] || (typeof state === 'string' && state ? state : 'Unknown');
}

/** States that change by themselves: a list showing one of them looks again a little later. */
export function isSettled(state) {
  return state === 'ready' || state === 'failed';
}

/** A recording's length: "42 s", "3 min 5 s", "1 h 2 min"; '' when unknown. */
export function durationText(durationSeconds) {
  const total = Number(durationSeconds);
  if (durationSeconds === null || durationSeconds === undefined || !Number.isFinite(total) || total < 0) {
    return '';
  }
  const seconds = Math.round(total);
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (hours > 0) {
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
}

/** The list of `GET /api/me/recordings` or `…/meetings/{id}/recordings`, whether bare or wrapped; newest first. */
export function recordingList(answer) {
  const list = Array.isArray(answer) ? answer : answer?.recordings;
  return (Array.isArray(list) ? list : [])
    .filter((entry) => entry && typeof entry.recordingId === 'string' && entry.recordingId)
    .sort((a, b) => (Date.parse(b.startedAt) || 0) - (Date.parse(a.startedAt) || 0));
}
