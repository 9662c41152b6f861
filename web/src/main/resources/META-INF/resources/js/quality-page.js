// /m/{meeting}/quality: every participant's time series of the key metrics and the meeting's histograms, from the
// metrics-collector (GET /api/quality/meetings/{id} and …/summary). Reading needs a join token of the meeting (the tab
// that joined it, or one opened from there) or, signed in, the account that hosted or joined it (any tab, "My
// meetings", also long after the meeting ended). Numbers are also given as tables, for screen readers and for copying.
// On the SFU, what the server (Janus) measured on each participant's connection is drawn beside what their browser
// reported: dashed lines of the same colour, and tables of their own (series.sfu, summary.sfuMetrics).
import * as accountSession from './account-session.js';
import { api } from './api.js';
import * as credentials from './credentials.js';
import { h, show } from './dom.js';
import { onLeave } from './router.js';
import { CHART_JS } from './vendor.js';

const REFRESH_MS = 10000;
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777'];

/** The metrics the views carry (metrics-collector QualityMetric), with how to show them. */
export const METRICS = [
  { key: 'sendBitrateBps', label: 'Sent bitrate', unit: 'kbit/s', scale: 1 / 1000 },
  { key: 'recvBitrateBps', label: 'Received bitrate', unit: 'kbit/s', scale: 1 / 1000 },
  { key: 'videoSendBitrateBps', label: 'Video sent', unit: 'kbit/s', scale: 1 / 1000 },
  { key: 'videoRecvBitrateBps', label: 'Video received', unit: 'kbit/s', scale: 1 / 1000 },
  { key: 'rttMs', label: 'Round-trip time', unit: 'ms', scale: 1 },
  { key: 'jitterMs', label: 'Jitter', unit: 'ms', scale: 1 },
  { key: 'sendPacketLossPct', label: 'Packet loss (sent)', unit: '%', scale: 1 },
  { key: 'recvPacketLossPct', label: 'Packet loss (received)', unit: '%', scale: 1 },
];

let chartLibrary = null;

export function loadChartJs() {
  if (!chartLibrary) {
    chartLibrary = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.onload = () => resolve(window.Chart);
      script.onerror = () => {
        chartLibrary = null;
        reject(new Error('The chart library could not be loaded.'));
      };
      document.head.append(script);
    });
  }
  return chartLibrary;
}

const format = (value, metric) => (value === null || value === undefined ? '–'
  : (value * metric.scale).toLocaleString(undefined, { maximumFractionDigits: metric.unit === '%' ? 2 : 1 }));

/** A step for the time axis, on whole seconds or minutes, that gives at most six ticks. */
export function timeStep(spanMs) {
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((seconds) => seconds * 1000);
  return steps.find((step) => spanMs / step <= 6) || Math.ceil(spanMs / 6 / 3600000) * 3600000;
}

export function median(values) {
  if (!values.length) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Whether any participant has a value of the metric (a camera that stayed off never measures video). */
export function measured(participants, metric) {
  return participants.some((participant) => participant.points
    .some((point) => Number.isFinite(point.stats?.[metric.key])));
}

/** Whether a summary's metrics hold any value (the SFU's are all empty for a mesh call). */
export function hasValues(metrics) {
  return Object.values(metrics || {}).some((values) => values?.count > 0);
}

const noData = () => h('p', { className: 'no-data' }, 'No data: nothing was measured.');

export function renderQuality(root, meetingRef) {
  const page = new QualityPage(root, meetingRef);
  onLeave(() => page.close());
  page.load();
}

class QualityPage {
  constructor(root, meetingRef) {
    this.root = root;
    this.ref = meetingRef;
    this.charts = [];
    this.timer = null;
    this.names = new Map();
  }

  frame(...content) {
    const view = h('section', { className: 'quality', 'aria-labelledby': 'quality-title' },
      h('h1', { id: 'quality-title' }, 'Call quality'),
      h('p', { className: 'quality-nav' },
        h('a', { href: `/m/${encodeURIComponent(this.ref)}` }, 'Back to the meeting')),
      ...content);
    return view;
  }

  async load() {
    document.title = 'Call quality · Parley';
    const saved = credentials.load(this.ref);
    if (!saved && !accountSession.isSignedIn()) {
      show(this.root, this.frame(h('p', { className: 'notice', 'data-quality-state': 'no-token' },
        'The quality of a call can be seen by its participants: open this page from the browser tab in which you '
        + 'joined the meeting (the "Call quality" button there), or sign in and open it from "My meetings".')));
      return;
    }
    // token null: the account's access token, through the session (renewed as it expires)
    this.credentials = saved || { meetingId: this.ref, participantId: null, token: null };
    show(this.root, this.frame(h('p', { className: 'loading' }, 'Loading the measurements…')));
    await this.refresh();
  }

  async refresh() {
    clearTimeout(this.timer);
    const { meetingId, token } = this.credentials;
    let series;
    let summary;
    try {
      [series, summary] = await Promise.all([api.qualitySeries(meetingId, token), api.qualitySummary(meetingId, token)]);
    } catch (error) {
      this.showProblem(error);
      return;
    }
    await this.loadNames(meetingId);
    let Chart = null;
    let chartProblem = null;
    try {
      Chart = await loadChartJs();
    } catch (error) {
      chartProblem = error.message;
    }
    if (this.closed) {
      return;
    }
    this.render(series, summary, Chart, chartProblem);
    this.timer = setTimeout(() => this.refresh(), REFRESH_MS);
  }

  async loadNames(meetingId) {
    try {
      const meeting = await api.getMeeting(meetingId);
      this.title = meeting.title;
      for (const person of meeting.participants || []) {
        this.names.set(person.participantId, person.name);
      }
    } catch {
      // an expired meeting: participant ids have to do
    }
  }

  showProblem(error) {
    let text;
    if (error.status === 404) {
      text = 'No measurements yet. Browsers in the call send them every 5 seconds; this page looks again shortly.';
      this.timer = setTimeout(() => this.refresh(), REFRESH_MS);
    } else if (error.status === 401) {
      text = this.credentials.token
        ? 'Your invitation to this meeting is no longer valid (the meeting may have ended), so its quality data '
          + 'cannot be shown.'
        : 'Your session has ended: sign in again to see the quality of your meetings.';
    } else if (error.status === 403) {
      text = 'Only the people who were in this meeting (and its organization\'s owners and admins) can see its '
        + 'quality.';
    } else {
      text = `The measurements could not be loaded: ${error.detail}`;
      this.timer = setTimeout(() => this.refresh(), REFRESH_MS);
    }
    show(this.root, this.frame(h('p', { className: 'notice', 'data-quality-state': `error-${error.status}` }, text)));
  }

  nameOf(participantId) {
    const name = this.names.get(participantId);
    const you = participantId === this.credentials.participantId ? ' (you)' : '';
    return `${name || participantId}${you}`;
  }

  render(series, summary, Chart, chartProblem) {
    this.destroyCharts();
    const participants = series.participants || [];
    const sfu = series.sfu || [];
    const ids = [...new Set([...participants, ...sfu].map((p) => p.participantId))];
    const colours = new Map(ids.map((id, i) => [id, PALETTE[i % PALETTE.length]]));
    // every time series on the same axis, the meeting's span (a single sample gets a few seconds around it)
    const padding = series.lastTimestamp > series.firstTimestamp ? 0 : 5000;
    const span = { min: series.firstTimestamp - padding, max: series.lastTimestamp + padding };
    const figures = [];
    const view = this.frame(
      h('p', { className: 'lead' }, `${this.title ? `${this.title}: ` : ''}${series.samples} samples from `
        + `${participants.length} participant${participants.length === 1 ? '' : 's'}, `
        + `${new Date(series.firstTimestamp).toLocaleTimeString()} to ${new Date(series.lastTimestamp).toLocaleTimeString()}.`),
      chartProblem ? h('p', { className: 'notice' }, `${chartProblem} The tables below have the numbers.`) : null,
      this.participantTable(participants),
      sfu.length ? this.participantTable(sfu, 'quality-sfu', 'Measured by the server (SFU)') : null,
      h('h2', {}, 'Over time, per participant'),
      sfu.length ? h('p', {}, 'Dashed lines: what the server measured on that participant\'s connection.') : null,
      h('div', { className: 'chart-grid' }, METRICS.map((metric) => {
        const caption = h('figcaption', {}, `${metric.label} (${metric.unit})`);
        if (!measured(participants, metric) && !measured(sfu, metric)) {
          return h('figure', { className: 'chart', 'data-metric': metric.key, 'data-empty': 'true' }, caption, noData());
        }
        const canvas = h('canvas', { role: 'img', 'aria-label': `${metric.label} over time, in ${metric.unit}` });
        figures.push(() => this.lineChart(Chart, canvas, metric, participants, sfu, colours, span));
        return h('figure', { className: 'chart', 'data-metric': metric.key }, caption,
          h('div', { className: 'chart-box' }, canvas));
      })),
      h('h2', {}, 'Distribution over the meeting'),
      this.summaryTable(summary.metrics),
      hasValues(summary.sfuMetrics)
        ? this.summaryTable(summary.sfuMetrics, 'quality-sfu-summary', 'Percentiles measured by the server (SFU)')
        : null,
      h('div', { className: 'chart-grid' }, METRICS.map((metric) => {
        const caption = h('figcaption', {}, `${metric.label}: histogram`);
        if (!summary.metrics?.[metric.key]?.count) {
          return h('figure', { className: 'chart', 'data-histogram': metric.key, 'data-empty': 'true' }, caption,
            noData());
        }
        const canvas = h('canvas', { role: 'img', 'aria-label': `Histogram of ${metric.label}, in ${metric.unit}` });
        figures.push(() => this.histogram(Chart, canvas, metric, summary.metrics?.[metric.key]));
        return h('figure', { className: 'chart', 'data-histogram': metric.key }, caption,
          h('div', { className: 'chart-box' }, canvas));
      })),
      h('p', {}, h('button', { type: 'button', className: 'secondary', onclick: () => this.refresh() }, 'Refresh')));
    this.root.replaceChildren(view);
    if (Chart) {
      figures.forEach((draw) => draw());
    }
  }

  participantTable(participants, id = 'quality-participants', caption = 'Participants') {
    return h('table', { id, className: 'data' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Participant'),
        h('th', { scope: 'col' }, 'Samples'),
        h('th', { scope: 'col' }, 'Median RTT (ms)'),
        h('th', { scope: 'col' }, 'Median sent (kbit/s)'),
        h('th', { scope: 'col' }, 'Median received (kbit/s)'),
        h('th', { scope: 'col' }, 'Last sample'))),
      h('tbody', {}, participants.map((participant) => {
        const values = (key) => participant.points.map((point) => point.stats?.[key]).filter(Number.isFinite);
        const last = participant.points[participant.points.length - 1];
        return h('tr', { 'data-participant-id': participant.participantId },
          h('th', { scope: 'row' }, this.nameOf(participant.participantId)),
          h('td', { className: 'samples' }, String(participant.points.length)),
          h('td', {}, format(median(values('rttMs')), METRICS[4])),
          h('td', {}, format(median(values('sendBitrateBps')), METRICS[0])),
          h('td', {}, format(median(values('recvBitrateBps')), METRICS[1])),
          h('td', {}, last ? new Date(last.timestamp).toLocaleTimeString() : '–'));
      })));
  }

  summaryTable(metrics, id = 'quality-summary', caption = 'Percentiles over all participants') {
    return h('table', { id, className: 'data' },
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, ['Metric', 'Samples', 'p50', 'p95', 'p99', 'Max'].map((title) =>
        h('th', { scope: 'col' }, title)))),
      h('tbody', {}, METRICS.map((metric) => {
        const values = metrics?.[metric.key] || { count: 0 };
        return h('tr', { 'data-metric': metric.key },
          h('th', { scope: 'row' }, `${metric.label} (${metric.unit})`),
          h('td', {}, String(values.count)),
          ...['p50', 'p95', 'p99', 'max'].map((field) => h('td', {}, format(values[field], metric))));
      })));
  }

  lineChart(Chart, canvas, metric, participants, sfu, colours, span) {
    const dataset = (participant, server) => ({
      label: `${this.nameOf(participant.participantId)}${server ? ' (server)' : ''}`,
      data: participant.points
        .filter((point) => Number.isFinite(point.stats?.[metric.key]))
        .map((point) => ({ x: point.timestamp, y: point.stats[metric.key] * metric.scale })),
      borderColor: colours.get(participant.participantId),
      backgroundColor: colours.get(participant.participantId),
      borderDash: server ? [6, 4] : [],
      pointRadius: 2,
      tension: 0.2,
    });
    const datasets = [...participants.map((p) => dataset(p, false)), ...sfu.map((p) => dataset(p, true))];
    this.charts.push(new Chart(canvas, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          x: {
            type: 'linear',
            ...span,
            ticks: { callback: (value) => new Date(value).toLocaleTimeString(), stepSize: timeStep(span.max - span.min) },
          },
          y: { beginAtZero: true, title: { display: true, text: metric.unit } },
        },
        plugins: { tooltip: { callbacks: { title: (items) => new Date(items[0].parsed.x).toLocaleTimeString() } } },
      },
    }));
  }

  histogram(Chart, canvas, metric, values) {
    const bins = values?.histogram || [];
    this.charts.push(new Chart(canvas, {
      type: 'bar',
      data: {
        labels: bins.map((bin) => `${format(bin.from, metric)}–${format(bin.to, metric)}`),
        datasets: [{ label: 'samples', data: bins.map((bin) => bin.count), backgroundColor: '#2563eb' }],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: metric.unit }, ticks: { maxRotation: 60, autoSkip: true } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'samples' } },
        },
      },
    }));
  }

  destroyCharts() {
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [];
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.destroyCharts();
  }
}
