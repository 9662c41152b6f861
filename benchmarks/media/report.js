// The tables: one per run (each client, then the mean and Janus), then the comparison per participant count, the
// ratio of client uplink SFU/mesh at the largest count last.

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The clients that stayed in the call in the meeting's mode through the window: a page that left the call (its
 * connections gone, `mode` absent) or never switched would make the mean say nothing.
 */
const inCall = (result) => result.clients.filter((client) => client.mode === result.mode);
const kbps = (value) => Math.round(value).toLocaleString('en-US');
const percent = (value) => (Number.isFinite(value) ? value.toFixed(1) : '-');
const ratio = (a, b) => (b > 0 && Number.isFinite(a) ? (a / b).toFixed(2) : '-');

function row(cells, widths) {
  return cells.map((cell, i) => String(cell).padStart(widths[i])).join('  ');
}

function counted(limits) {
  return Object.entries(limits).map(([reason, times]) => `${reason}×${times}`).join(' ') || '-';
}

/** Tracks Janus forwarded in the window: every track arriving at a page of an SFU meeting comes from Janus. */
export function forwarded(result) {
  const sfu = inCall(result).filter((client) => client.mode === 'sfu');
  return {
    videos: sfu.reduce((sum, client) => sum + client.videosIn, 0),
    audios: sfu.reduce((sum, client) => sum + client.audiosIn, 0),
  };
}

export function printRun(result) {
  console.log(`\n== ${result.mode}, ${result.count} participants (settling took `
    + `${result.settledSeconds.toFixed(0)} s after the last one joined, measured ${result.seconds.toFixed(1)} s, `
    + `load ${result.load})`);
  if (result.notSettled.length) {
    console.log(`   not every track arrived within the settle time at: ${result.notSettled.join(', ')}`);
  }
  const widths = [6, 5, 10, 12, 6, 10, 9, 24, 16];
  console.log(row(['client', 'mode', 'up kbit/s', 'down kbit/s', 'CPU %', 'videos in', 'audio in', 'sending video',
    'limited by'], widths));
  for (const c of result.clients) {
    console.log(row([c.name, c.mode, kbps(c.upKbps), kbps(c.downKbps), percent(c.cpuPercent), c.videosIn,
      c.audiosIn, c.sending.join(',') || '-', counted(c.limits)], widths));
  }
  const clients = inCall(result);
  if (clients.length < result.clients.length) {
    console.log(`   the mean leaves out ${result.clients.length - clients.length} client(s) not in the call in `
      + `${result.mode} mode at the end of the window`);
  }
  console.log(row(['mean', '', kbps(mean(clients.map((c) => c.upKbps))), kbps(mean(clients.map((c) => c.downKbps))),
    percent(mean(clients.map((c) => c.cpuPercent))), '', '', '', ''], widths));
  const { videos, audios } = forwarded(result);
  const tracks = videos + audios;
  console.log(`Janus: ${percent(result.janusPercent)} % of a core`
    + (tracks ? `, forwarding ${videos} videos + ${audios} audio = ${tracks} tracks: `
      + `${(result.janusPercent / tracks).toFixed(2)} % of a core per forwarded track` : ''));
}

export function printSummary(results) {
  const at = (mode, count) => results.find((r) => r.mode === mode && r.count === count);
  const counts = [...new Set(results.map((r) => r.count))].sort((a, b) => a - b);
  const widths = [12, 14, 13, 11, 10, 9, 12, 13, 16, 22];
  console.log('\n== mesh against SFU, per client (mean over the participants)');
  console.log(row(['participants', 'mesh up kbit/s', 'SFU up kbit/s', 'SFU/mesh up', 'mesh CPU %', 'SFU CPU %',
    'SFU/mesh CPU', 'Janus CPU %', 'forwarded tracks', 'Janus CPU %/fwd track'], widths));
  let headline = null;
  for (const count of counts) {
    const mesh = at('mesh', count);
    const sfu = at('sfu', count);
    const meshUp = mesh ? mean(inCall(mesh).map((c) => c.upKbps)) : Number.NaN;
    const sfuUp = sfu ? mean(inCall(sfu).map((c) => c.upKbps)) : Number.NaN;
    const meshCpu = mesh ? mean(inCall(mesh).map((c) => c.cpuPercent)) : Number.NaN;
    const sfuCpu = sfu ? mean(inCall(sfu).map((c) => c.cpuPercent)) : Number.NaN;
    const fwd = sfu ? forwarded(sfu) : { videos: 0, audios: 0 };
    const tracks = fwd.videos + fwd.audios;
    console.log(row([count, mesh ? kbps(meshUp) : '-', sfu ? kbps(sfuUp) : '-', ratio(sfuUp, meshUp),
      percent(meshCpu), percent(sfuCpu), ratio(sfuCpu, meshCpu), sfu ? percent(sfu.janusPercent) : '-',
      sfu ? `${fwd.videos}v+${fwd.audios}a` : '-', tracks ? (sfu.janusPercent / tracks).toFixed(2) : '-'], widths));
    if (mesh && sfu) {
      headline = { count, meshUp, sfuUp };
    }
  }
  console.log(headline
    ? `\nclient uplink SFU/mesh at ${headline.count} participants: ${ratio(headline.sfuUp, headline.meshUp)} `
      + `(SFU ${kbps(headline.sfuUp)} kbit/s against mesh ${kbps(headline.meshUp)} kbit/s per client)`
    : '\nno participant count was measured in both modes: no ratio');
}
