// Issue 23's mesh-against-SFU figures: for each participant count and each media mode, one meeting forced to that
// mode, one headless Chromium per participant in it, then over a measured window each browser's uplink (RTP
// payload bytes sent, all its connections) and CPU (its process tree), and Janus's CPU beside the streams it
// forwarded. Prints figures, asserts nothing. See README.md.
//   node media.js [--gateway URL] [--counts 2,4,6] [--modes mesh,sfu] [--warmup 10] [--seconds 20]
//                 [--settle 150] [--window 480,360] [--janus-pid PID]
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Participant } from './participant.js';
import { browserCpu, cpuBetween, listeningPid, loadAverage, processCpu } from './procfs.js';
import { printRun, printSummary } from './report.js';

const { values: options } = parseArgs({
  options: {
    gateway: { type: 'string', default: 'http://localhost:8080' },
    counts: { type: 'string', default: '2,4,6' },
    modes: { type: 'string', default: 'mesh,sfu' },
    warmup: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '20' },
    settle: { type: 'string', default: '150' },
    window: { type: 'string', default: '480,360' },
    'janus-pid': { type: 'string' },
  },
});
const counts = options.counts.split(',').map(Number);
const modes = options.modes.split(',');
const JANUS_API_PORT = 8094; // ./parley up's Janus (docs/devstack.md)

async function api(path, body, token) {
  const response = await fetch(`${options.gateway}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`POST ${path}: ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

/** A meeting forced to the mode, and join credentials for each of its `count` participants (the host first). */
async function meetingFor(mode, count) {
  const created = await api('/api/meetings', { hostName: 'P1', media: mode, maxParticipants: Math.max(count, 2) });
  const meetingId = created.meetingId;
  const everyone = [{ meetingId, participantId: created.host.participantId, token: created.host.token, name: 'P1',
    role: 'host' }];
  for (let i = 2; i <= count; i += 1) {
    const joined = await api(`/api/meetings/${meetingId}/participants`, { name: `P${i}` });
    everyone.push({ meetingId, participantId: joined.participantId, token: joined.token, name: `P${i}`,
      role: joined.role });
  }
  return everyone;
}

/** Waits until every page is in the mode and hears every other participant (audio is never held back). */
async function settle(participants, mode) {
  const deadline = Date.now() + Number(options.settle) * 1000;
  let waiting = participants.map((p) => p.name);
  while (Date.now() < deadline) {
    const stats = await Promise.all(participants.map((p) => p.stats().catch(() => null)));
    waiting = participants.filter((p, i) => !(stats[i] && stats[i].mode === mode
      && Object.values(stats[i].audioIn).filter((bytes) => bytes > 0).length >= participants.length - 1))
      .map((p) => p.name);
    if (waiting.length === 0) {
      return [];
    }
    await sleep(2000);
  }
  return waiting;
}

/**
 * One reading of everything: each browser's and Janus's CPU (fast, from /proc) and its time, then each page's stats
 * (getStats in every page at once, slower on a busy machine) and the middle of the time they took.
 */
async function sample(participants, janusPid) {
  const cpuAt = performance.now() / 1000;
  const cpu = participants.map((p) => browserCpu(p.userDataDir));
  const janus = janusPid ? processCpu(janusPid) : Number.NaN;
  const start = performance.now();
  const stats = await Promise.all(participants.map((p) => p.stats()));
  return { at: (start + performance.now()) / 2000, stats, cpuAt, cpu, janus };
}

/** Tracks whose bytes grew between two readings of the same page: what kept arriving through the window. */
function flowing(before, after) {
  return Object.entries(after).filter(([key, bytes]) => bytes > (before[key] ?? 0)).length;
}

function measure(before, after, participants) {
  const seconds = after.at - before.at;
  const cpuSeconds = after.cpuAt - before.cpuAt;
  const clients = participants.map((p, i) => ({
    name: p.name,
    mode: after.stats[i].mode,
    upKbps: ((after.stats[i].sent - before.stats[i].sent) * 8) / seconds / 1000,
    downKbps: ((after.stats[i].received - before.stats[i].received) * 8) / seconds / 1000,
    cpuPercent: (cpuBetween(before.cpu[i], after.cpu[i]) / cpuSeconds) * 100,
    videosIn: flowing(before.stats[i].videoIn, after.stats[i].videoIn),
    audiosIn: flowing(before.stats[i].audioIn, after.stats[i].audioIn),
    sending: after.stats[i].sending,
    limits: after.stats[i].limits,
  }));
  return { seconds, clients, janusPercent: ((after.janus - before.janus) / cpuSeconds) * 100 };
}

async function run(mode, count, janusPid) {
  const credentials = await meetingFor(mode, count);
  const participants = [];
  try {
    for (const person of credentials) {
      const participant = await Participant.open(person.name, { windowSize: options.window });
      participants.push(participant);
      await participant.enter(options.gateway, person);
    }
    const joined = performance.now();
    const notSettled = await settle(participants, mode);
    const settledSeconds = (performance.now() - joined) / 1000;
    await sleep(Number(options.warmup) * 1000);
    const before = await sample(participants, janusPid);
    await sleep(Number(options.seconds) * 1000);
    const after = await sample(participants, janusPid);
    return { mode, count, notSettled, settledSeconds, load: loadAverage(), ...measure(before, after, participants) };
  } finally {
    await Promise.all(participants.map((p) => p.close()));
    const host = credentials[0];
    await api(`/api/meetings/${host.meetingId}/end`, null, host.token).catch(() => {});
  }
}

const janusPid = options['janus-pid'] ? Number(options['janus-pid']) : listeningPid(JANUS_API_PORT);
console.log(`gateway ${options.gateway}, Janus pid ${janusPid ?? 'not found (no SFU: sfu meetings stay mesh)'}, `
  + `counts ${counts.join(',')}, warm-up ${options.warmup} s, measured ${options.seconds} s, `
  + `window ${options.window}, load ${loadAverage()}`);
const results = [];
for (const count of counts) {
  for (const mode of modes) {
    try {
      const result = await run(mode, count, janusPid);
      results.push(result);
      printRun(result);
    } catch (error) {
      console.log(`${mode} ${count}: failed: ${error.message}`);
    }
    await sleep(5000); // Janus tears the room down, the machine settles before the next meeting
  }
}
printSummary(results);
