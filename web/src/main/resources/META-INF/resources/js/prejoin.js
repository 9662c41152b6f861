// The pre-join screen: the name, a preview of the camera, a level meter for the microphone, the choice of camera,
// microphone and speaker, and whether to join with the microphone and the camera on. The choices are remembered for
// the next meeting (devices.js). Without a camera, a microphone or the permission it still lets you join; the problem
// screen (screens.js) explains after "Join".
import {
  DEVICE_KIND, LevelMeter, deviceIdOf, fillSelect, listDevices, loadChoices, openTrack, routeSound, saveChoices,
  selectedDevice, speakerChoice,
} from './devices.js';
import { h, show } from './dom.js';
import { LocalMedia } from './media.js';
import { consentPanel, rememberTold } from './recording-consent.js';
import { recordingOf } from './recording-logic.js';
import { navigate } from './router.js';

export class Prejoin {
  /**
   * onJoin(name) joins the meeting and resolves to a problem text to show here, or to nothing when it went on.
   * hostName: the person created the meeting (and is in it) under this name, which is shown and not asked.
   */
  constructor(root, { meeting, account, hostName = null, onJoin }) {
    this.root = root;
    this.meeting = meeting;
    this.account = account;
    this.hostName = hostName;
    this.onJoin = onJoin;
    this.choices = loadChoices();
    this.result = null;
    this.acquiring = null;
    this.taken = false;
    this.released = false;
  }

  show() {
    const choices = this.choices;
    this.video = h('video', { id: 'prejoin-video', autoplay: true, playsInline: true, muted: true });
    this.note = h('p', { id: 'prejoin-note', className: 'prejoin-note' }, 'Starting your camera and microphone…');
    this.preview = h('div', { className: 'prejoin-preview', 'data-state': 'starting', 'data-video': 'on' },
      this.video, this.note);
    this.name = h('input', { id: 'participant-name', name: 'name', required: true, maxLength: 64,
      autocomplete: 'name' });
    if (this.hostName) {
      this.name.value = this.hostName;
      this.name.readOnly = true;
      this.name.setAttribute('aria-describedby', 'participant-name-hint');
    } else if (this.account) {
      // the server names a signed-in person by their account's display name
      this.name.value = this.account.displayName;
      this.name.setAttribute('aria-describedby', 'participant-name-hint');
    }
    this.cameraSelect = h('select', { id: 'prejoin-camera', disabled: true, onchange: () => this.use('video') });
    this.micSelect = h('select', { id: 'prejoin-mic', disabled: true, onchange: () => this.use('audio') });
    this.speakerSelect = h('select', { id: 'prejoin-speaker', disabled: true,
      onchange: () => this.chooseSpeaker() });
    this.qualitySelect = h('select', { id: 'prejoin-quality', onchange: () => this.chooseQuality() },
      h('option', { value: 'standard' }, 'Standard (360p)'),
      h('option', { value: 'low' }, 'Data saver (180p)'));
    this.qualitySelect.value = choices.sendQuality;
    this.levelElement = h('meter', { id: 'mic-level', min: 0, max: 1, low: 0.1, high: 0.8, optimum: 0.5, value: 0 });
    this.meter = new LevelMeter(this.levelElement);
    this.micOn = h('input', { type: 'checkbox', id: 'prejoin-mic-on', checked: choices.audio, disabled: true,
      onchange: () => this.toggled({ audio: this.micOn.checked }) });
    this.cameraOn = h('input', { type: 'checkbox', id: 'prejoin-camera-on', checked: choices.video, disabled: true,
      onchange: () => this.toggled({ video: this.cameraOn.checked }) });
    this.status = h('p', { className: 'form-status', role: 'status', 'aria-live': 'polite' });
    this.submit = h('button', { type: 'submit', className: 'primary', id: 'join-meeting' }, 'Join');
    const consent = this.consent();
    const form = h('form', { id: 'join-form', className: 'prejoin-form', 'aria-labelledby': 'join-heading' },
      h('label', { for: 'participant-name' }, 'Your name'),
      this.name,
      this.nameHint(),
      h('label', { for: 'prejoin-camera' }, 'Camera'), this.cameraSelect,
      h('label', { for: 'prejoin-mic' }, 'Microphone'), this.micSelect,
      h('label', { for: 'mic-level' }, 'Microphone level'), this.levelElement,
      speakerChoice() ? [h('label', { for: 'prejoin-speaker' }, 'Speaker'), this.speakerSelect] : null,
      h('label', { for: 'prejoin-quality' }, 'Video you send'), this.qualitySelect,
      h('div', { className: 'prejoin-switch' }, this.micOn,
        h('label', { for: 'prejoin-mic-on' }, 'Join with microphone on')),
      h('div', { className: 'prejoin-switch' }, this.cameraOn,
        h('label', { for: 'prejoin-camera-on' }, 'Join with camera on')),
      this.submit,
      consent,
      this.status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (consent) {
        this.status.textContent = 'This meeting is being recorded: choose how to join.';
        consent.querySelector('button').focus();
      } else {
        this.join();
      }
    });
    form.addEventListener('pointerdown', () => this.meter.resume());
    form.addEventListener('keydown', () => this.meter.resume());
    const view = h('section', { className: 'prejoin card', 'data-prejoin': 'true', 'aria-labelledby': 'join-heading' },
      h('h1', { id: 'join-heading' }, `Join ${this.meeting.title || 'the meeting'}`),
      this.meeting.state === 'locked' ? h('p', { className: 'notice' }, 'The host has locked this meeting.') : null,
      h('div', { className: 'prejoin-body' }, this.preview, form));
    show(this.root, view);
    (this.account || this.hostName ? consent?.querySelector('button') || this.submit : this.name).focus();
    this.start();
  }

  nameHint() {
    if (this.hostName) {
      return h('p', { id: 'participant-name-hint', className: 'hint' }, 'You host this meeting.');
    }
    return this.account ? h('p', { id: 'participant-name-hint', className: 'hint' },
      'You are signed in: you join with your display name.') : null;
  }

  /** While a recording runs, its notice and three choices take the place of "Join" (docs/web-client.md). */
  consent() {
    const recording = recordingOf(this.meeting);
    if (!recording) {
      return null;
    }
    this.submit.hidden = true;
    const told = () => rememberTold(this.meeting.meetingId, recording.recordingId);
    return consentPanel({
      onJoinOff: () => {
        told();
        this.micOn.checked = false;
        this.cameraOn.checked = false;
        this.toggled();
        this.join({ remember: false }); // off for this recorded meeting, not for the next one
      },
      onJoin: () => {
        told();
        this.join();
      },
      onLeave: () => {
        this.release();
        navigate('/');
      },
    });
  }

  async start() {
    this.acquiring = LocalMedia.acquire(this.choices);
    this.result = await this.acquiring;
    if (this.released) {
      this.result.media?.stop();
    }
    if (this.released || this.taken) {
      return;
    }
    const media = this.result.media;
    if (!media) {
      this.preview.dataset.state = 'problem';
      this.note.textContent = this.result.error === 'denied'
        ? 'Your camera and microphone are blocked. You can still join, or allow them in the site settings.'
        : 'No camera or microphone found. You can still join to see and hear the others.';
      return;
    }
    this.preview.dataset.state = 'ready';
    this.video.srcObject = media.stream;
    this.video.play().catch(() => {});
    this.meter.watch(media.track('audio'));
    await this.refreshDevices();
    this.toggled();
  }

  async refreshDevices() {
    const media = this.result.media;
    const devices = await listDevices();
    const lists = { video: this.cameraSelect, audio: this.micSelect };
    for (const [kind, select] of Object.entries(lists)) {
      const available = media.has(kind) ? devices[DEVICE_KIND[kind]] : [];
      fillSelect(select, available, selectedDevice(available, deviceIdOf(media.track(kind))),
        kind === 'video' ? 'No camera found' : 'No microphone found');
    }
    fillSelect(this.speakerSelect, devices.audiooutput, selectedDevice(devices.audiooutput, this.choices.audiooutput),
      'No speaker found');
    this.micOn.disabled = !media.has('audio');
    this.cameraOn.disabled = !media.has('video');
  }

  /** The person picked another camera or microphone: preview it (and listen to it) at once. */
  async use(kind) {
    const select = kind === 'video' ? this.cameraSelect : this.micSelect;
    const media = this.result?.media;
    if (!media) {
      return;
    }
    try {
      media.replaceTrack(kind, await openTrack(kind, select.value));
    } catch (error) {
      this.status.textContent = `That ${kind === 'video' ? 'camera' : 'microphone'} cannot be used: ${error.message}`;
      select.value = deviceIdOf(media.track(kind));
      return;
    }
    if (this.taken || this.released) {
      return;
    }
    this.status.textContent = '';
    if (kind === 'audio') {
      this.meter.watch(media.track('audio'));
    }
    saveChoices({ [DEVICE_KIND[kind]]: select.value });
    this.toggled();
  }

  /** The camera is opened again with the chosen size, so the preview shows what the others will see. */
  async chooseQuality() {
    saveChoices({ sendQuality: this.qualitySelect.value });
    if (this.result?.media?.has('video')) {
      await this.use('video');
    }
  }

  chooseSpeaker() {
    saveChoices({ audiooutput: this.speakerSelect.value });
    routeSound(this.video, this.speakerSelect.value);
  }

  /** Microphone and camera on or off, applied to the tracks so the preview and the meter show it. */
  toggled(changed) {
    if (changed) {
      saveChoices(changed);
    }
    const media = this.result?.media;
    if (!media) {
      return;
    }
    media.setEnabled('audio', this.micOn.checked);
    media.setEnabled('video', this.cameraOn.checked);
    this.preview.dataset.video = media.enabled('video') ? 'on' : 'off';
    this.note.textContent = media.has('video') ? (media.enabled('video') ? '' : 'Your camera is off')
      : 'No camera found';
  }

  async join({ remember = true } = {}) {
    if (this.submit.disabled) {
      return; // already joining
    }
    const typed = this.name.value.trim();
    if (!typed) {
      this.status.textContent = 'Please enter your name.';
      this.name.focus();
      return;
    }
    if (this.result?.media && remember) {
      saveChoices({ audio: this.micOn.checked, video: this.cameraOn.checked,
        audioinput: deviceIdOf(this.result.media.track('audio')) || this.choices.audioinput,
        videoinput: deviceIdOf(this.result.media.track('video')) || this.choices.videoinput });
    }
    this.submit.disabled = true;
    this.status.textContent = 'Joining…';
    const problem = await this.onJoin(typed);
    if (problem && !this.taken && !this.released) {
      this.status.textContent = problem;
      this.submit.disabled = false;
    }
  }

  /**
   * Hands the camera and microphone over to the call: {media} or {error, detail} as LocalMedia.acquire resolves,
   * after waiting for it when "Join" came first.
   */
  async take() {
    this.taken = true;
    const result = await this.acquiring;
    result.media?.setEnabled('audio', this.micOn.checked);
    result.media?.setEnabled('video', this.cameraOn.checked);
    this.meter.stop();
    this.video.srcObject = null;
    return result;
  }

  /** Leaving without joining (another page, or a screen that ends here): camera and microphone go off. */
  release() {
    this.released = true;
    this.meter.stop();
    this.result?.media?.stop();
  }
}
