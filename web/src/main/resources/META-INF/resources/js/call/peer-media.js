// The media to and from the others: one peer connection each (mesh.js) until the meeting is on the SFU (sfu.js),
// then the SFU session. It keeps the connections in line with the roster (peers()), relays the mesh's offers,
// answers and candidates, and puts what arrives on the tiles: a peer's camera on its tile, its screen on the screen
// stage, the connection's state on the tile (tile-states.js). On the SFU it also says whose video it wants most
// (sfu-view.js) and shows whose the stream limit holds back (video-limit.js).
import { PeerMesh } from '../mesh.js';
import { RelayNotice } from './ice-policy.js';
import { Incoming } from './messages.js';
import { SfuSession } from './sfu.js';
import { SfuTiles } from './sfu-tiles.js';
import { SfuView } from './sfu-view.js';
import { VideoLimit } from './video-limit.js';

export class PeerMedia {
  /**
   * media: the own camera and microphone (media.js); send(message): onto the socket; grid, tileStates: the tiles;
   * screens(): the screen share feature (made after this, as it sends through senders()); person(id): the roster's
   * entry of a participant.
   */
  constructor({ media, send, grid, tileStates, screens, person }) {
    this.grid = grid;
    this.screens = screens;
    this.person = person;
    this.welcomes = 0;
    this.mesh = new PeerMesh({
      send,
      onTrack: (peerId) => this.place(peerId),
      onState: (peerId, state, detail) => {
        grid.setConnectionState(peerId, state);
        tileStates.show(peerId, state, detail);
      },
    });
    this.mesh.setLocalStream(media.stream);
    this.sfu = new SfuSession({
      mesh: this.mesh,
      send,
      localStream: () => media.stream,
      screen: () => screens().local,
      onTracks: (ids) => ids.forEach((id) => this.place(id)),
      onSwitched: () => this.sfuTiles.switched(),
      onState: (state) => this.sfuTiles.show(state),
      onLeft: () => {
        this.videoLimit.clear();
        this.sfuTiles.remoteIds().forEach((id) => this.mesh.connect(id));
      },
    });
    this.sfuTiles = new SfuTiles({ sfu: this.sfu, grid, tileStates, screens, person });
    this.view = new SfuView({ sfu: this.sfu, grid, send });
    this.videoLimit = new VideoLimit({ grid });
    this.senders = this.sfu.senders();
    this.element = this.sfu.element;
    this.relayNotice = new RelayNotice();
  }

  /** The mesh's offers, answers and candidates, and the SFU session's messages. */
  messages() {
    return {
      ...this.sfu.messages(),
      ...this.videoLimit.messages(),
      [Incoming.OFFER]: (message) => this.mesh.handle(message.type, message.from, message.sdp),
      [Incoming.ANSWER]: (message) => this.mesh.handle(message.type, message.from, message.sdp),
      [Incoming.ICE]: (message) => this.mesh.handle('ice', message.from, message.candidate),
    };
  }

  /** Every `welcome`, before the roster connects anyone: who this is, the ICE servers, the media mode. */
  welcome(selfId, message) {
    this.welcomes += 1;
    this.relayNotice.update(message.iceServers);
    this.mesh.configure(selfId, message.iceServers);
    this.sfu.welcome(message);
  }

  /** The roster's comings and goings, applied to the peer connections and the tiles. */
  peers() {
    return {
      joined: (id, person, connect) => {
        this.grid.tile(id, person);
        this.place(id);
        this.sfuTiles.joined(id);
        if (connect) {
          this.mesh.connect(id);
        }
      },
      updated: (person) => this.grid.tile(person.participantId, person),
      left: (id) => {
        this.screens().hide(id);
        this.mesh.disconnect(id);
        this.grid.remove(id);
      },
      welcomed: (ids) => {
        this.mesh.retain(ids);
        if (this.welcomes > 1) {
          this.mesh.restartUnconnected();
        }
      },
    };
  }

  /** A peer's camera to its tile, its screen (the stream its `media` state names) to the screen stage. */
  place(peerId) {
    if (this.sfu.switched) {
      this.sfuTiles.place(peerId);
      return;
    }
    const person = this.person(peerId);
    const streams = this.mesh.streams(peerId);
    if (!streams.length) {
      return;
    }
    const screen = streams.find((stream) => person?.screen && stream.id === person.screen) || null;
    const camera = streams.find((stream) => stream !== screen) || null;
    this.grid.tile(peerId, person).attach(camera);
    this.screens().showRemote(person || { participantId: peerId }, screen);
  }

  /** Every sample of the speaker view ({speaking, active}): on the SFU, whose video comes first follows it. */
  speakers(sample) {
    this.view.update(sample);
  }

  /** Every connection that carries media now, for the quality reporter and the speaker view. */
  connections() {
    return this.sfu.allConnections();
  }

  close() {
    this.mesh.closeAll();
    this.sfu.close();
    this.view.cancel();
  }
}
