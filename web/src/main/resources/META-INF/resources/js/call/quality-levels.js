// A connection's quality as a person reads it on a tile (good, fair, poor) and why, from the figures quality.js's
// QualityCalculator makes of one peer connection's getStats(). Pure: no DOM, no timers, so ClientLogicIT pins the
// thresholds down.

/**
 * Where each figure stops being good, and where it becomes poor. Loss above 2 % is audible as clipped words and
 * frozen frames, above 8 % a call is hard to follow; a round trip over 300 ms makes people talk over each other
 * (ITU-T G.114 calls up to 150 ms one way acceptable); video under 15 frames/s looks jerky, under 8 it is a slide show.
 */
export const THRESHOLDS = Object.freeze({
  lossPct: Object.freeze({ fair: 2, poor: 8 }),
  rttMs: Object.freeze({ fair: 300, poor: 600 }),
  framesPerSecond: Object.freeze({ fair: 15, poor: 8 }),
});

const RANK = { good: 0, fair: 1, poor: 2 };

/** The level of one figure: 'good', 'fair' or 'poor'; null when it was not measured. */
export function levelOf(metric, value) {
  const limits = THRESHOLDS[metric];
  if (!limits || value === null || value === undefined || !Number.isFinite(value)) {
    return null;
  }
  if (metric === 'framesPerSecond') {
    return value < limits.poor ? 'poor' : value < limits.fair ? 'fair' : 'good';
  }
  return value >= limits.poor ? 'poor' : value >= limits.fair ? 'fair' : 'good';
}

/** The worse of the two directions' loss: either one spoils the conversation. */
function lossOf(sample) {
  const loss = sample.packetLossPct || {};
  const values = [loss.send, loss.recv].filter((value) => Number.isFinite(value));
  return values.length ? Math.max(...values) : undefined;
}

const LABEL = { good: 'Good connection', fair: 'Fair connection', poor: 'Poor connection' };

function describe(metric, value) {
  switch (metric) {
    case 'lossPct':
      return `packet loss ${value.toFixed(1)} %`;
    case 'rttMs':
      return `round trip ${Math.round(value)} ms`;
    default:
      return `${Math.round(value)} frames/s`;
  }
}

/**
 * sample: {rttMs, packetLossPct: {send, recv}, framesPerSecond} (any may be missing, e.g. no video while the camera
 * is off). Returns {level, causes, text}: level is the worst figure's ('unknown' when none was measured), causes the
 * metrics at that level unless it is good, text a sentence naming all figures, the causes first.
 */
export function assessQuality(sample) {
  const figures = [
    ['lossPct', sample ? lossOf(sample) : undefined],
    ['rttMs', sample?.rttMs],
    ['framesPerSecond', sample?.framesPerSecond],
  ].map(([metric, value]) => ({ metric, value, level: levelOf(metric, value) }))
    .filter((figure) => figure.level !== null);
  if (!figures.length) {
    return { level: 'unknown', causes: [], text: 'Measuring the connection…' };
  }
  const level = figures.reduce((worst, figure) => (RANK[figure.level] > RANK[worst] ? figure.level : worst), 'good');
  const causes = level === 'good' ? [] : figures.filter((figure) => figure.level === level).map((figure) => figure.metric);
  const ordered = [...figures].sort((a, b) => RANK[b.level] - RANK[a.level]);
  return { level, causes, text: `${LABEL[level]}: ${ordered.map((figure) => describe(figure.metric, figure.value)).join(', ')}` };
}
