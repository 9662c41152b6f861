// What the remote tiles show once the SFU carries the call (sfu.js): each participant's camera and microphone in
// their own tile (the same element as in the mesh, only its MediaStream changes), their screen on the screen stage,
// and one media state for every remote tile, the subscribing connection's.
import { UNAVAILABLE_TEXT } from './sfu-logic.js';

export class SfuTiles {
  /** screens(): the screen share feature; person(id): the roster's entry, or undefined for someone not known (yet). */
  constructor({ sfu, grid, tileStates, screens, person }) {
    this.sfu = sfu;
    this.grid = grid;
    this.tileStates = tileStates;
    this.screens = screens;
    this.person = person;
  }

  /** A participant's streams as the subscription delivers them; someone not in the roster yet waits for their join. */
  place(participantId) {
    const person = this.person(participantId);
    if (!person) {
      return;
    }
    const { camera, screen } = this.sfu.streamsOf(participantId);
    if (camera) {
      this.grid.tile(participantId, person).attach(camera);
    }
    this.screens().showForwarded(person, screen);
  }

  /** The mesh closed: every remote tile takes its streams and its state from the SFU from now on. */
  switched() {
    for (const participantId of this.remoteIds()) {
      this.place(participantId);
    }
    this.show(this.current());
  }

  /** A participant's tile appeared or changed after the switch: it shows the subscription's state too. */
  joined(participantId) {
    if (this.sfu.switched) {
      this.showOne(participantId, this.current());
    }
  }

  /** state: a connectionState of the subscription, or 'unavailable' while the media server cannot be reached. */
  show(state) {
    for (const participantId of this.remoteIds()) {
      this.showOne(participantId, state);
    }
  }

  showOne(participantId, state) {
    if (state === 'unavailable') {
      this.tileStates.apply(participantId, { state, text: UNAVAILABLE_TEXT });
      return;
    }
    this.grid.setConnectionState(participantId, state);
    this.tileStates.show(participantId, state);
  }

  current() {
    return this.sfu.unreachable ? 'unavailable' : this.sfu.connectionState;
  }

  remoteIds() {
    return [...this.grid.tiles.keys()].filter((participantId) => participantId !== this.grid.selfId);
  }
}
