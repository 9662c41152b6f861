// Cameras, microphones and speakers: what the browser has, which of them the person chose last time, and the choice
// of a replacement when one goes away. Only device ids and on/off are remembered (localStorage), never labels: a
// device id means nothing outside this browser and this site.

const KEY = 'parley.devices';

/** A track's kind → the kind enumerateDevices() gives its devices. */
export const DEVICE_KIND = { audio: 'audioinput', video: 'videoinput' };

const NOUN = { audioinput: 'microphone', videoinput: 'camera', audiooutput: 'speaker' };

/**
 * What the camera sends: standard (360p), or data saver (180p at 15 frames a second) for a slow uplink, a weak
 * computer or many people on the SFU, a quarter of the pixels to encode and send (Meet's "send resolution").
 */
export const SEND_QUALITY = Object.freeze({
  standard: Object.freeze({ width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } }),
  low: Object.freeze({ width: { ideal: 320 }, height: { ideal: 180 }, frameRate: { ideal: 15, max: 15 } }),
});

function storage() {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: every visit starts with the defaults
  }
}

/**
 * {audioinput, videoinput, audiooutput: device id or '', audio, video: on (true) or off, sendQuality: a key of
 * SEND_QUALITY}.
 */
export function loadChoices() {
  let stored = {};
  try {
    stored = JSON.parse(storage()?.getItem(KEY) || '{}') || {};
  } catch {
    stored = {};
  }
  const id = (value) => (typeof value === 'string' ? value : '');
  return {
    audioinput: id(stored.audioinput),
    videoinput: id(stored.videoinput),
    audiooutput: id(stored.audiooutput),
    audio: stored.audio !== false,
    video: stored.video !== false,
    sendQuality: Object.hasOwn(SEND_QUALITY, stored.sendQuality) ? stored.sendQuality : 'standard',
  };
}

export function saveChoices(changes) {
  const next = { ...loadChoices(), ...changes };
  try {
    storage()?.setItem(KEY, JSON.stringify(next));
  } catch {
    // a full or disabled storage only costs the memory of the choice
  }
  return next;
}

/** getUserMedia constraints for one kind, with a device preferred or (exact) insisted on. */
export function constraintsFor(kind, deviceId = '', { exact = false } = {}) {
  const base = kind === 'video' ? { ...SEND_QUALITY[loadChoices().sendQuality] } : {};
  if (deviceId) {
    base.deviceId = exact ? { exact: deviceId } : { ideal: deviceId };
  }
  return Object.keys(base).length ? base : true;
}

/** The devices by kind, each {deviceId, label}; labels are empty before a permission, so they get a number. */
export async function listDevices() {
  const lists = { audioinput: [], videoinput: [], audiooutput: [] };
  if (!navigator.mediaDevices?.enumerateDevices) {
    return lists;
  }
  for (const device of await navigator.mediaDevices.enumerateDevices()) {
    const list = lists[device.kind];
    if (list && device.deviceId) {
      const label = device.label || `${capitalised(NOUN[device.kind])} ${list.length + 1}`;
      list.push({ deviceId: device.deviceId, label });
    }
  }
  return lists;
}

/** A new track from one device, exactly that one (the person picked it). */
export async function openTrack(kind, deviceId) {
  const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraintsFor(kind, deviceId, { exact: true }) });
  return stream.getTracks()[0];
}

export function deviceIdOf(track) {
  return track?.getSettings?.().deviceId || '';
}

/** The device to show as selected: the one in use if listed, else the first. */
export function selectedDevice(devices, inUse) {
  return devices.some((device) => device.deviceId === inUse) ? inUse : devices[0]?.deviceId || '';
}

/**
 * After a device went away: another of the same kind, the system default first (it follows what the system picks
 * next), or null when there is none.
 */
export function fallbackDevice(devices, lostId) {
  const others = devices.filter((device) => device.deviceId !== lostId);
  return others.find((device) => device.deviceId === 'default') || others[0] || null;
}

export function noun(kind) {
  return NOUN[DEVICE_KIND[kind] || kind] || kind;
}

export function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether sound can be sent to a chosen speaker (HTMLMediaElement.setSinkId; not every browser has it). */
export function speakerChoice() {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/** Sends an element's sound to the speaker; an unknown or refused speaker leaves it where it was. */
export async function routeSound(element, deviceId) {
  if (!speakerChoice() || !deviceId || element.sinkId === deviceId) {
    return;
  }
  try {
    await element.setSinkId(deviceId);
  } catch (error) {
    console.warn('speaker not used', error);
  }
}

/** Fills a select with the devices and selects `selected`; an empty list leaves one disabled "none found" option. */
export function fillSelect(select, devices, selected, none) {
  select.replaceChildren(...devices.map((device) => new Option(device.label, device.deviceId, false,
    device.deviceId === selected)));
  if (devices.length === 0) {
    select.append(new Option(none, '', true, true));
  }
  select.disabled = devices.length === 0;
}

const METER_INTERVAL_MS = 100;

/** The loudness of a microphone track, 0 to 1, shown on a <meter> (Web Audio AnalyserNode). */
export class LevelMeter {
  constructor(element) {
    this.element = element;
    this.context = null;
    this.timer = null;
  }

  watch(track) {
    this.stop();
    const AudioContextClass = window.AudioContext || window.webkitAudioContext;
    if (!track || !AudioContextClass) {
      return;
    }
    this.context = new AudioContextClass();
    const analyser = this.context.createAnalyser();
    analyser.fftSize = 1024;
    this.context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    this.timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) {
        sum += sample * sample;
      }
      // speech sits around 0.05–0.2 RMS; scaled so that talking fills most of the meter
      this.element.value = track.enabled ? Math.min(1, Math.sqrt(sum / samples.length) * 5) : 0;
    }, METER_INTERVAL_MS);
  }

  /** A page without a click yet may start audio suspended; any click or key on the screen resumes it. */
  resume() {
    if (this.context?.state === 'suspended') {
      this.context.resume().catch(() => {});
    }
  }

  stop() {
    clearInterval(this.timer);
    this.context?.close().catch(() => {});
    this.context = null;
    this.element.value = 0;
  }
}
