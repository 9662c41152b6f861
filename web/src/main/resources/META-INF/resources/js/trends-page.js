// /orgs/{id}/quality: an organization's call quality per UTC day (GET /api/quality/orgs/{id}/trends, from the stored
// history), for its owners and admins: p50 and p95 of round-trip time, received packet loss and received bitrate as
// lines, meetings and participant-minutes as bars, every number also in a table. The range is the last 30 days
// unless chosen (at most 366, as the endpoint allows).
import { accountPage, showLoadProblem, showLoading } from './account-guard.js';
import { authorizedFetch } from './account-session.js';
import { h, show } from './dom.js';
import { field } from './forms.js';
import { send } from './http.js';
import { loadChartJs } from './quality-page.js';

const DAY_MS = 86400000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

/** The trend lines: a metric of the endpoint's days, how to show it. */
export const TREND_METRICS = [
  { key: 'rttMs', label: 'Round-trip time', unit: 'ms', scale: 1 },
  { key: 'recvPacketLossPct', label: 'Packet loss (received)', unit: '%', scale: 1 },
  { key: 'recvBitrateBps', label: 'Received bitrate', unit: 'kbit/s', scale: 1 / 1000 },
];

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The default range: the last 30 UTC days, today included; `last` is inclusive. */
export function defaultRange(nowMs = Date.now()) {
  return { first: isoDay(nowMs - (DEFAULT_DAYS - 1) * DAY_MS), last: isoDay(nowMs) };
}

/** A chosen range as the endpoint takes it (`to` exclusive), or {error} in words. */
export function queryOf(first, last) {
  const from = Date.parse(`${first}T00:00:00Z`);
  const through = Date.parse(`${last}T00:00:00Z`);
  if (!Number.isFinite(from) || !Number.isFinite(through)) {
    return { error: 'Choose both days.' };
  }
  if (through < from) {
    return { error: 'The last day comes before the first.' };
  }
  if ((through - from) / DAY_MS + 1 > MAX_DAYS) {
    return { error: `At most ${MAX_DAYS} days at once.` };
  }
  return { from: first, to: isoDay(through + DAY_MS) };
}

export function renderTrends(root, orgId) {
  accountPage(root, (page) => new TrendsPage(root, page, orgId).load(defaultRange()));
}

class TrendsPage {
  constructor(root, page, orgId) {
    this.root = root;
    this.page = page;
    this.orgId = orgId;
    this.charts = [];
  }

  async load(range) {
    const query = queryOf(range.first, range.last);
    if (query.error) {
      this.range = range;
      this.draw(null, query.error);
      return;
    }
    if (!this.trend) {
      showLoading(this.root, 'org-quality', 'Loading the call quality…');
    }
    let trend;
    try {
      trend = await send('GET', `/api/quality/orgs/${encodeURIComponent(this.orgId)}/trends?from=${query.from}`
        + `&to=${query.to}`, { fetcher: authorizedFetch });
    } catch (error) {
      if (!this.page.alive() || error.status === 401) {
        return;
      }
      const title = error.status === 403 ? 'Only owners and admins' : 'Call quality';
      const detail = error.status === 403
        ? 'Only the organization\'s owners and admins see its call quality.' : error.detail || error.message;
      showLoadProblem(this.root, { page: 'org-quality', title, error: { detail },
        onRetry: error.status >= 500 || error.status === 0 ? () => this.load(range) : null });
      return;
    }
    if (this.page.alive()) {
      this.range = range;
      this.trend = trend;
      this.draw(trend, null);
    }
  }

  draw(trend, problem) {
    this.destroyCharts();
    document.title = 'Organization call quality · Parley';
    const days = trend?.days || [];
    const figures = [];
    const view = h('section', { className: 'account-page quality', 'data-page': 'org-quality',
      'data-org-id': this.orgId, 'aria-labelledby': 'trends-title' },
    h('p', { className: 'breadcrumb' },
      h('a', { href: `/orgs/${encodeURIComponent(this.orgId)}`, 'data-link': true }, 'Organization')),
    h('h1', { id: 'trends-title' }, 'Call quality per day'),
    this.rangeForm(problem),
    days.length === 0
      ? h('p', { id: 'trends-empty', className: 'no-data' }, 'No data: no call of the organization was measured on '
        + 'these days.')
      : [
        this.table(days),
        h('div', { className: 'chart-grid' },
          TREND_METRICS.map((metric) => {
            const canvas = h('canvas', { role: 'img',
              'aria-label': `${metric.label} per day, p50 and p95, in ${metric.unit}` });
            figures.push((Chart) => this.lineChart(Chart, canvas, metric, days));
            return h('figure', { className: 'chart', 'data-trend': metric.key },
              h('figcaption', {}, `${metric.label} (${metric.unit})`), h('div', { className: 'chart-box' }, canvas));
          }),
          (() => {
            const canvas = h('canvas', { role: 'img', 'aria-label': 'Meetings and participant-minutes per day' });
            figures.push((Chart) => this.volumeChart(Chart, canvas, days));
            return h('figure', { className: 'chart', 'data-trend': 'volume' },
              h('figcaption', {}, 'Meetings and participant-minutes'), h('div', { className: 'chart-box' }, canvas));
          })()),
      ]);
    show(this.root, view);
    if (figures.length) {
      loadChartJs().then((Chart) => {
        if (this.page.alive()) {
          figures.forEach((drawFigure) => drawFigure(Chart));
        }
      }).catch(() => {}); // the table has the numbers
    }
  }

  rangeForm(problem) {
    const first = field({ id: 'trends-from', label: 'First day', props: { type: 'date', value: this.range.first } });
    const last = field({ id: 'trends-to', label: 'Last day', props: { type: 'date', value: this.range.last } });
    const form = h('form', { id: 'trends-range', className: 'inline-form' }, first.element, last.element,
      h('button', { type: 'submit', className: 'primary' }, 'Show'),
      problem ? h('p', { id: 'trends-error', className: 'form-error', role: 'alert' }, problem) : null);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.load({ first: first.input.value, last: last.input.value });
    });
    return form;
  }

  table(days) {
    const pair = (value, metric) => (value
      ? `${fmt(value.p50 * metric.scale)} / ${fmt(value.p95 * metric.scale)}` : '–');
    return h('table', { id: 'trends-days', className: 'data' },
      h('caption', {}, 'Per UTC day (p50 / p95)'),
      h('thead', {}, h('tr', {}, ['Day', 'Meetings', 'Participants', 'Participant-minutes',
        ...TREND_METRICS.map((metric) => `${metric.label} (${metric.unit})`)]
        .map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, days.map((day) => h('tr', { 'data-day': day.day },
        h('th', { scope: 'row' }, day.day),
        h('td', { className: 'meetings' }, String(day.meetings)),
        h('td', {}, String(day.participants)),
        h('td', {}, String(day.participantMinutes)),
        ...TREND_METRICS.map((metric) => h('td', {}, pair(day[metric.key], metric)))))));
  }

  lineChart(Chart, canvas, metric, days) {
    const series = (percentile, colour) => ({
      label: percentile,
      data: days.filter((day) => day[metric.key])
        .map((day) => ({ x: day.day, y: day[metric.key][percentile] * metric.scale })),
      borderColor: colour,
      backgroundColor: colour,
      pointRadius: 3,
    });
    this.charts.push(new Chart(canvas, {
      type: 'line',
      data: { datasets: [series('p50', '#2563eb'), series('p95', '#dc2626')] },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { type: 'category', labels: days.map((day) => day.day) },
          y: { beginAtZero: true, title: { display: true, text: metric.unit } } } },
    }));
  }

  volumeChart(Chart, canvas, days) {
    this.charts.push(new Chart(canvas, {
      type: 'bar',
      data: { labels: days.map((day) => day.day), datasets: [
        { label: 'meetings', data: days.map((day) => day.meetings), backgroundColor: '#2563eb' },
        { label: 'participant-minutes', data: days.map((day) => day.participantMinutes), backgroundColor: '#16a34a' },
      ] },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }));
  }

  destroyCharts() {
    this.charts.forEach((chart) => chart.destroy());
    this.charts = [];
  }
}

const fmt = (value) => value.toLocaleString(undefined, { maximumFractionDigits: 1 });
