// The signaling message types the meeting screen speaks (the server's catalogue is MessageType in signaling-service,
// docs/signaling.md), and the dispatch of each received one to the feature modules that registered for it: a new
// feature adds its own handlers instead of growing a switch.

/** Types the meeting screen receives. */
export const Incoming = Object.freeze({
  WELCOME: 'welcome',
  PARTICIPANT_JOINED: 'participant-joined',
  PARTICIPANT_UPDATED: 'participant-updated',
  PARTICIPANT_LEFT: 'participant-left',
  OFFER: 'offer',
  ANSWER: 'answer',
  ICE: 'ice',
  CHAT: 'chat',
  MUTED: 'muted',
  TIMER: 'timer',
  REMOVED: 'removed',
  MEETING_ENDED: 'meeting-ended',
  SHARE_STOPPED: 'share-stopped',
  MEDIA_MODE: 'media-mode',
  SFU_ANSWER: 'sfu-answer',
  SFU_OFFER: 'sfu-offer',
  SFU_VIDEOS: 'sfu-videos',
  RECORDING: 'recording',
  ERROR: 'error',
});

/** Types the meeting screen sends (offer, answer and ice are mesh.js's; the sfu-* ones the SFU mode's). */
export const Outgoing = Object.freeze({
  CHAT: 'chat',
  MEDIA: 'media',
  HAND: 'hand',
  LOWER_HAND: 'lower-hand',
  STOP_SHARE: 'stop-share',
  SFU_PUBLISH: 'sfu-publish',
  SFU_START: 'sfu-start',
  SFU_VIEW: 'sfu-view',
});

const KNOWN = new Set(Object.values(Incoming));

/** Handlers by message type, called in the order the features registered. */
export class MessageRouter {
  constructor() {
    this.handlers = new Map();
  }

  /** handlers: {type: (message) => void}; every type must be one of Incoming's. */
  register(handlers) {
    for (const [type, handler] of Object.entries(handlers)) {
      if (!KNOWN.has(type)) {
        throw new Error(`no such incoming message type: ${type}`);
      }
      const list = this.handlers.get(type) || [];
      list.push(handler);
      this.handlers.set(type, list);
    }
  }

  /** Types nobody registered for are ignored: a newer server may send more than this client knows. */
  dispatch(message) {
    for (const handler of this.handlers.get(message?.type) || []) {
      handler(message);
    }
  }
}
