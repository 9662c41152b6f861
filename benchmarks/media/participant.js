// One participant: its own headless Debian Chromium (fake camera and microphone, fresh profile), in the meeting
// through the web client, with every RTCPeerConnection the page makes recorded so its getStats() can be summed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

export const CHROMIUM = '/usr/bin/chromium';

// run before any script of the page, as e2e CallPage.recordPeerConnections does
const RECORD_CONNECTIONS = `
  window.parleyConnections = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      window.parleyConnections.push(this);
    }
  };`;

// what flows now, summed over every connection of the page that is not closed
const READ_STATS = `(async () => {
  const sum = { sent: 0, received: 0, audioIn: {}, videoIn: {}, limits: {}, sending: [] };
  for (const [index, pc] of window.parleyConnections.entries()) {
    if (pc.connectionState === 'closed') continue;
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'outbound-rtp') {
        sum.sent += s.bytesSent || 0;
        if (s.kind === 'video' && s.frameWidth) {
          sum.sending.push(s.frameWidth + 'x' + s.frameHeight);
          sum.limits[s.qualityLimitationReason] = (sum.limits[s.qualityLimitationReason] || 0) + 1;
        }
      } else if (s.type === 'inbound-rtp') {
        sum.received += s.bytesReceived || 0;
        (s.kind === 'video' ? sum.videoIn : sum.audioIn)[index + '/' + s.id] = s.bytesReceived || 0;
      }
    });
  }
  return sum;
})()`;

export class Participant {
  static async open(name, { windowSize }) {
    const home = mkdtempSync(join(tmpdir(), 'parley-media-bench-'));
    const userDataDir = join(home, 'profile');
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      userDataDir,
      defaultViewport: null,
      protocolTimeout: 120_000,
      env: { ...process.env, HOME: home },
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', `--window-size=${windowSize}`],
    });
    const page = (await browser.pages())[0] || await browser.newPage();
    await page.evaluateOnNewDocument(RECORD_CONNECTIONS);
    return new Participant(name, browser, page, home, userDataDir);
  }

  constructor(name, browser, page, home, userDataDir) {
    this.name = name;
    this.browser = browser;
    this.page = page;
    this.home = home;
    this.userDataDir = userDataDir;
  }

  /**
   * Into the meeting with join credentials got from the API: stored in the tab's sessionStorage as the web client
   * stores them after its pre-join screen, then the meeting's link, which enters the call with camera and
   * microphone (what a reload of a joined tab does; e2e SfuIT joins its host the same way).
   */
  async enter(gateway, credentials) {
    await this.page.goto(`${gateway}/`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await this.page.evaluate((key, value) => sessionStorage.setItem(key, value),
      `parley.join.${credentials.meetingId}`, JSON.stringify(credentials));
    await this.page.goto(`${gateway}/m/${credentials.meetingId}`, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await this.page.waitForSelector('#connection-status[data-state="connected"]', { timeout: 120_000 });
  }

  /**
   * What the page's connections carried so far: {sent, received: bytes of RTP payload (outbound-rtp bytesSent,
   * inbound-rtp bytesReceived), audioIn, videoIn: bytes received per incoming track, sending: the size of each
   * video encoding being sent, limits: their qualityLimitationReason counted, mode: mesh or sfu (#media-status)}.
   */
  async stats() {
    const stats = await this.page.evaluate(READ_STATS);
    stats.mode = await this.page.$eval('#media-status', (element) => element.dataset.mode).catch(() => 'absent');
    return stats;
  }

  async close() {
    await this.browser.close().catch(() => {});
    rmSync(this.home, { recursive: true, force: true });
  }
}
