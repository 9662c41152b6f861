// Sending direct messages so that nothing is lost and nothing is sent twice: every message gets its own
// clientMessageId (a UUID) when it is written, and every retry sends the same id, so the server stores it once
// however often it arrives (a repeat answers 200 with the stored message). A network failure, a 429 or a 5xx is
// retried by itself a few times, then waits for "Retry"; a refusal (400 text rules, 403 not a contact, 409) is
// final and goes back to the page with the text.
import { randomId } from './dom.js';
import { people } from './people-api.js';

/** Seconds before each automatic retry; after the last the message waits for "Retry". */
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

function retriable(error) {
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export class Outbox {
  /**
   * onChange(item): show the item's state ('sending' | 'retrying' | 'failed');
   * onStored(message, item): the server stored it; onRefused(error, item): the server will never store it.
   */
  constructor({ contactId, onChange, onStored, onRefused }) {
    this.contactId = contactId;
    this.onChange = onChange;
    this.onStored = onStored;
    this.onRefused = onRefused;
    this.items = new Map();
    this.stopped = false;
  }

  /** Sends `text` as a new message; returns its clientMessageId. */
  send(text) {
    const item = { clientMessageId: randomId(), text, attempt: 0, state: 'sending', timer: null };
    this.items.set(item.clientMessageId, item);
    this.deliver(item);
    return item.clientMessageId;
  }

  /** "Retry" on a message that could not be sent: the same clientMessageId again. */
  retry(clientMessageId) {
    const item = this.items.get(clientMessageId);
    if (item && item.state === 'failed') {
      item.attempt = 0;
      this.deliver(item);
    }
  }

  /** "Discard": forget a message that could not be sent. */
  discard(clientMessageId) {
    const item = this.items.get(clientMessageId);
    if (item) {
      clearTimeout(item.timer);
      this.items.delete(clientMessageId);
    }
  }

  /** The conversation was left: no more automatic retries (a request under way still completes). */
  stop() {
    this.stopped = true;
    for (const item of this.items.values()) {
      clearTimeout(item.timer);
    }
  }

  async deliver(item) {
    item.state = item.attempt === 0 ? 'sending' : 'retrying';
    this.onChange(item);
    let stored;
    try {
      stored = await people.sendMessage(this.contactId, item.clientMessageId, item.text);
    } catch (error) {
      if (!this.items.has(item.clientMessageId)) {
        return; // discarded meanwhile
      }
      if (!retriable(error)) {
        this.items.delete(item.clientMessageId);
        this.onRefused(error, item);
        return;
      }
      if (item.attempt >= RETRY_DELAYS_MS.length || this.stopped) {
        item.state = 'failed';
        this.onChange(item);
        return;
      }
      const delay = Math.max(RETRY_DELAYS_MS[item.attempt], (error.retryAfterSeconds || 0) * 1000);
      item.attempt += 1;
      item.state = 'retrying';
      this.onChange(item);
      item.timer = setTimeout(() => {
        if (!this.stopped && this.items.has(item.clientMessageId)) {
          this.deliver(item);
        }
      }, delay);
      return;
    }
    this.items.delete(item.clientMessageId);
    this.onStored(stored, item);
  }
}
