// Call quality: every few seconds the getStats() reports of all peer connections are folded into one sample and sent
// to the metrics-collector (POST /api/quality/beacons, docs/quality.md) with navigator.sendBeacon, which survives
// the page being closed; fetch with keepalive when the beacon queue is full. Samples that could not be handed to
// the browser are kept (bounded) and sent with the next one, and on `pagehide`.
import { randomId } from './dom.js';

export const SAMPLE_INTERVAL_MS = 5000;
const MAX_BUFFERED = 24;

const round = (value, digits = 1) => (value === null || value === undefined || !Number.isFinite(value)
  ? undefined : Number(value.toFixed(digits)));
const average = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined);
const percent = (part, whole) => (whole > 0 ? Math.min(100, Math.max(0, (part / whole) * 100)) : undefined);

/**
 * Turns successive getStats() reports into samples: cumulative counters (bytes, packets) become rates over the
 * time between two reports. One instance per page; `reports` is [{key, report}] with one entry per connection
 * (key: the peer connection's id), report any iterable of RTCStats-like objects.
 */
export class QualityCalculator {
  constructor() {
    this.previous = new Map();
  }

  sample(reports) {
    const send = { audio: 0, video: 0, seen: false };
    const recv = { audio: 0, video: 0, seen: false };
    const rtts = [];
    const jitters = [];
    const fps = [];
    let frameWidth;
    let frameHeight;
    let sentPackets = 0;
    let lostSentPackets = 0;
    let receivedPackets = 0;
    let lostReceivedPackets = 0;
    const current = new Map();

    for (const { key, report } of reports) {
      const stats = [...(report.values ? report.values() : report)];
      const byId = new Map(stats.map((stat) => [stat.id, stat]));
      for (const stat of stats) {
        const id = `${key}/${stat.id}`;
        current.set(id, stat);
        const before = this.previous.get(id);
        const seconds = before ? (stat.timestamp - before.timestamp) / 1000 : 0;
        const delta = (field) => (before && seconds > 0 && stat[field] >= before[field] ? stat[field] - before[field] : null);
        switch (stat.type) {
          case 'outbound-rtp': {
            const bytes = delta('bytesSent');
            if (bytes !== null) {
              send[stat.kind === 'video' ? 'video' : 'audio'] += (bytes * 8) / seconds;
              send.seen = true;
            }
            sentPackets += delta('packetsSent') ?? 0;
            break;
          }
          case 'remote-inbound-rtp': {
            lostSentPackets += Math.max(0, delta('packetsLost') ?? 0);
            break;
          }
          case 'inbound-rtp': {
            const bytes = delta('bytesReceived');
            if (bytes !== null) {
              recv[stat.kind === 'video' ? 'video' : 'audio'] += (bytes * 8) / seconds;
              recv.seen = true;
            }
            receivedPackets += delta('packetsReceived') ?? 0;
            lostReceivedPackets += Math.max(0, delta('packetsLost') ?? 0);
            if (stat.kind === 'audio' && Number.isFinite(stat.jitter)) {
              jitters.push(stat.jitter * 1000);
            }
            if (stat.kind === 'video') {
              if (Number.isFinite(stat.framesPerSecond)) {
                fps.push(stat.framesPerSecond);
              }
              if (stat.frameWidth > (frameWidth ?? 0)) {
                frameWidth = stat.frameWidth;
                frameHeight = stat.frameHeight;
              }
            }
            break;
          }
          case 'transport': {
            const pair = byId.get(stat.selectedCandidatePairId);
            if (pair && Number.isFinite(pair.currentRoundTripTime)) {
              rtts.push(pair.currentRoundTripTime * 1000);
            }
            break;
          }
          default:
        }
      }
    }
    this.previous = current;

    const stats = {
      rttMs: round(average(rtts)),
      jitterMs: round(average(jitters)),
      framesPerSecond: round(average(fps)),
      frameWidth,
      frameHeight,
    };
    const sendLoss = percent(lostSentPackets, sentPackets);
    const recvLoss = percent(lostReceivedPackets, receivedPackets + lostReceivedPackets);
    if (sendLoss !== undefined || recvLoss !== undefined) {
      stats.packetLossPct = { send: round(sendLoss, 2), recv: round(recvLoss, 2) };
    }
    if (send.seen || recv.seen) {
      stats.bitrateBps = {};
      for (const [direction, values] of [['send', send], ['recv', recv]]) {
        if (values.seen) {
          stats.bitrateBps[direction] = {
            audio: Math.round(values.audio), video: Math.round(values.video), total: Math.round(values.audio + values.video),
          };
        }
      }
    }
    // JSON.stringify drops the undefined ones; a sample with nothing measured is not worth sending
    return Object.values(stats).some((value) => value !== undefined) ? stats : null;
  }
}

export class QualityReporter {
  /** connections(): [{peerId, pc}] of the current call; onReports([{key: peerId, report}]) sees every round's reports. */
  constructor({ meetingId, participantId, token, connections, onReports = () => {} }) {
    this.onReports = onReports;
    this.meetingId = meetingId;
    this.participantId = participantId;
    this.token = token;
    this.connections = connections;
    this.sessionId = randomId();
    this.calculator = new QualityCalculator();
    this.buffer = [];
    this.timer = null;
    this.onPageHide = () => this.flush();
  }

  start() {
    this.stopTimer();
    this.timer = setInterval(() => this.sampleNow(), SAMPLE_INTERVAL_MS);
    window.addEventListener('pagehide', this.onPageHide);
  }

  async sampleNow() {
    const connections = this.connections().filter(({ pc }) => pc.connectionState !== 'closed');
    if (!connections.length) {
      return;
    }
    const reports = await Promise.all(connections.map(async ({ peerId, pc }) => {
      try {
        return { key: peerId, report: await pc.getStats() };
      } catch {
        return { key: peerId, report: [] };
      }
    }));
    this.onReports(reports);
    const stats = this.calculator.sample(reports);
    if (stats) {
      this.buffer.push({
        meetingId: this.meetingId,
        participantId: this.participantId,
        sessionId: this.sessionId,
        timestamp: Date.now(),
        stats,
      });
      this.buffer.splice(0, Math.max(0, this.buffer.length - MAX_BUFFERED));
      this.flush();
    }
  }

  url() {
    return `/api/quality/beacons?access_token=${encodeURIComponent(this.token)}`;
  }

  /** Hands every buffered sample to the browser; what it refuses stays for the next try. */
  flush() {
    const pending = this.buffer;
    this.buffer = [];
    for (const sample of pending) {
      const body = JSON.stringify(sample);
      // a string body goes out as text/plain, which the collector accepts (sendBeacon cannot set headers)
      if (navigator.sendBeacon && navigator.sendBeacon(this.url(), body)) {
        continue;
      }
      fetch(this.url(), {
        method: 'POST', body, keepalive: true, headers: { 'Content-Type': 'application/json' },
      }).then((response) => {
        if (response.status >= 500 || response.status === 429) {
          this.buffer.push(sample); // not stored (e.g. Kafka down: 503); 4xx would fail again the same way
        }
      }).catch(() => this.buffer.push(sample));
    }
  }

  stopTimer() {
    clearInterval(this.timer);
    this.timer = null;
  }

  /** Takes one last sample while the connections still exist, sends it, and stops. */
  async stop() {
    this.stopTimer();
    window.removeEventListener('pagehide', this.onPageHide);
    await this.sampleNow();
    this.flush();
  }
}
