// Another camera, microphone or speaker during the call. A new device's track takes the old one's place in every
// peer connection's sender (RTCRtpSender.replaceTrack), so nothing renegotiates and the others keep receiving; the
// speaker is every video element's sink (setSinkId, where the browser has it). A device that goes away mid-call (its
// track ends, or devicechange no longer lists it) is replaced by another of its kind, with a notice.
import {
  DEVICE_KIND, capitalised, deviceIdOf, fallbackDevice, fillSelect, listDevices, loadChoices, noun, openTrack,
  routeSound, saveChoices, selectedDevice, speakerChoice,
} from '../devices.js';
import { h, toast } from '../dom.js';

export class DeviceMenu {
  /** videos: the element holding the call's video elements; onChange() after a track was replaced or lost. */
  constructor({ media, mesh, videos, onChange }) {
    this.media = media;
    this.mesh = mesh;
    this.videos = videos;
    this.onChange = onChange;
    this.speaker = loadChoices().audiooutput;
    this.watched = new WeakSet();
    this.selects = {
      video: h('select', { id: 'device-camera', onchange: () => this.choose('video') }),
      audio: h('select', { id: 'device-mic', onchange: () => this.choose('audio') }),
    };
    this.speakerSelect = h('select', { id: 'device-speaker', onchange: () => this.chooseSpeaker() });
    this.panel = h('div', { id: 'device-panel', className: 'device-panel', role: 'group',
      'aria-labelledby': 'device-menu-toggle', hidden: true },
    h('label', { for: 'device-camera' }, 'Camera device'), this.selects.video,
    h('label', { for: 'device-mic' }, 'Microphone device'), this.selects.audio,
    speakerChoice() ? [h('label', { for: 'device-speaker' }, 'Speaker'), this.speakerSelect] : null);
    this.toggle = h('button', { type: 'button', id: 'device-menu-toggle', 'aria-expanded': 'false',
      'aria-controls': 'device-panel', onclick: () => this.open(this.panel.hidden) }, 'Devices');
    this.element = h('div', { className: 'device-menu' }, this.toggle, this.panel);
    this.onDeviceChange = () => this.devicesChanged();
    navigator.mediaDevices?.addEventListener?.('devicechange', this.onDeviceChange);
    // tiles come and go (tiles.js owns them): every video that appears plays on the chosen speaker
    this.observer = new MutationObserver(() => this.routeAll());
    this.observer.observe(videos, { childList: true, subtree: true });
    this.watchTracks();
    this.routeAll();
  }

  async open(opened) {
    this.panel.hidden = !opened;
    this.toggle.setAttribute('aria-expanded', String(opened));
    if (opened) {
      await this.refresh();
    }
  }

  async refresh() {
    const devices = await listDevices();
    for (const [kind, select] of Object.entries(this.selects)) {
      const available = this.media.has(kind) ? devices[DEVICE_KIND[kind]] : [];
      fillSelect(select, available, selectedDevice(available, deviceIdOf(this.media.track(kind))),
        `No ${noun(kind)} in use`);
    }
    fillSelect(this.speakerSelect, devices.audiooutput, selectedDevice(devices.audiooutput, this.speaker),
      'No speaker found');
    return devices;
  }

  async choose(kind) {
    const deviceId = this.selects[kind].value;
    try {
      await this.use(kind, deviceId);
      saveChoices({ [DEVICE_KIND[kind]]: deviceId });
    } catch (error) {
      toast(`That ${noun(kind)} cannot be used: ${error.message}`, { kind: 'error' });
      this.selects[kind].value = deviceIdOf(this.media.track(kind));
    }
  }

  /** Opens the device and puts its track in place: locally, then in every peer connection. */
  async use(kind, deviceId) {
    const track = await openTrack(kind, deviceId);
    this.media.replaceTrack(kind, track);
    this.watchTracks();
    this.onChange();
    await this.mesh.replaceTrack(kind, track);
  }

  chooseSpeaker() {
    this.speaker = this.speakerSelect.value;
    saveChoices({ audiooutput: this.speaker });
    this.routeAll();
  }

  routeAll() {
    if (this.speaker) {
      for (const video of this.videos.querySelectorAll('video, audio')) {
        routeSound(video, this.speaker);
      }
    }
  }

  watchTracks() {
    for (const kind of Object.keys(this.selects)) {
      const track = this.media.track(kind);
      if (track && !this.watched.has(track)) {
        this.watched.add(track);
        track.addEventListener('ended', () => this.lost(kind, track));
      }
    }
  }

  /** A device list change: a device in use that is no longer listed has gone, even before its track ends. */
  async devicesChanged() {
    const devices = await (this.panel.hidden ? listDevices() : this.refresh());
    for (const kind of Object.keys(this.selects)) {
      const track = this.media.track(kind);
      const id = deviceIdOf(track);
      if (track && id && !devices[DEVICE_KIND[kind]].some((device) => device.deviceId === id)) {
        this.lost(kind, track);
      }
    }
  }

  async lost(kind, track) {
    if (this.media.track(kind) !== track || this.replacing?.has(track)) {
      return; // replaced already, or being replaced
    }
    this.replacing = this.replacing || new WeakSet();
    this.replacing.add(track);
    const devices = (await listDevices())[DEVICE_KIND[kind]];
    const next = fallbackDevice(devices, deviceIdOf(track));
    const thing = capitalised(noun(kind));
    if (next) {
      try {
        await this.use(kind, next.deviceId);
        toast(`${thing} disconnected. Now using ${next.label}.`);
        return;
      } catch (error) {
        console.warn(`no replacement ${noun(kind)}`, error);
      }
    }
    track.stop();
    this.onChange();
    toast(`${thing} disconnected, and there is no other ${noun(kind)} to use.`, { kind: 'error' });
  }

  stop() {
    navigator.mediaDevices?.removeEventListener?.('devicechange', this.onDeviceChange);
    this.observer.disconnect();
  }
}
