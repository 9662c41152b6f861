// The pages of one conversation's history (GET /api/contacts/{id}/messages, newest first, by cursor) into a
// MessageLog: the first page, older ones on request, and after a reconnect the newest pages down to what the log
// shows, when the catch-up says messages were missed. Sequence numbers have no gaps, so "missed" is a comparison.
import { hasGap } from './contacts-logic.js';
import { people } from './people-api.js';

export const PAGE_SIZE = 30;
/** Pages fetched at most to fill the gap a reconnect left (30 messages each). */
const MAX_GAP_PAGES = 20;

const cursorOf = (answer) => (typeof answer?.next === 'string' && answer.next ? answer.next : null);

export class ConversationHistory {
  /** `first`: the first page's answer; `alive()`: whether the conversation is still on screen. */
  constructor(contactId, log, first, alive) {
    this.contactId = contactId;
    this.log = log;
    this.alive = alive;
    this.next = cursorOf(first);
    this.filling = false;
    this.loadingOlder = false;
    log.add(first?.messages || []);
    log.setHasOlder(this.next !== null);
  }

  /** "Load older messages": the page before the oldest shown. Throws the ApiError. */
  async loadOlder() {
    if (!this.next || this.loadingOlder) {
      return;
    }
    this.loadingOlder = true;
    this.log.older.disabled = true;
    try {
      const older = await people.messages(this.contactId, this.next, PAGE_SIZE);
      if (this.alive()) {
        this.log.add(older.messages || []);
        this.next = cursorOf(older);
        this.log.setHasOlder(this.next !== null);
      }
    } finally {
      this.loadingOlder = false;
      this.log.older.disabled = false;
    }
  }

  /** Fetches what the log misses when the server's last message (`lastMessage`) is beyond it; true if it looked. */
  async fillGap(lastMessage) {
    const known = this.log.highestSeq();
    if (this.filling || !hasGap(known, lastMessage)) {
      return false;
    }
    this.filling = true;
    try {
      let before = null;
      for (let pages = 0; pages < MAX_GAP_PAGES; pages += 1) {
        const answer = await people.messages(this.contactId, before, PAGE_SIZE);
        if (!this.alive()) {
          return false;
        }
        const messages = answer.messages || [];
        this.log.add(messages);
        before = cursorOf(answer);
        if (known === 0 || !before || messages.some((message) => message.seq <= known + 1)) {
          break;
        }
      }
      if (known === 0 && this.next === null) {
        this.next = before; // the log was empty: this page is where older ones continue
        this.log.setHasOlder(this.next !== null);
      }
    } catch {
      // the next catch-up tries again; what is shown stays correct, only incomplete
    } finally {
      this.filling = false;
    }
    return true;
  }
}
