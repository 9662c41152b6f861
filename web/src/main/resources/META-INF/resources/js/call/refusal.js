// Why a socket was refused before it opened. The gateway answers a revoked token with 401 before signaling can close
// with 4410/4403, and the browser does not tell why (it sees 1006); meeting-service can.
import { api } from '../api.js';

/** The ending a refused socket means ('ended', 'removed', 'not-found'), or null when the reconnects should go on. */
export async function refusalOutcome(meetingId, selfId) {
  try {
    const meeting = await api.getMeeting(meetingId);
    if (meeting.state === 'ended') {
      return 'ended';
    }
    return (meeting.participants || []).some((person) => person.participantId === selfId) ? null : 'removed';
  } catch (error) {
    // anything but a 404: the network or the platform is down, which the reconnects ride out
    return error.status === 404 ? 'not-found' : null;
  }
}
