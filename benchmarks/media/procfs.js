// CPU time of processes from /proc: utime + stime (fields 14 and 15 of /proc/<pid>/stat), which include every
// thread of the process. A Chromium is many processes (browser, zygotes, renderer, GPU, network and audio
// utilities), so one browser's CPU is that of every process started with its --user-data-dir and of their
// descendants.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

function readOr(path, fallback) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback; // the process ended between listing and reading
  }
}

/** {pid, ppid, cpuSeconds} of one process, or null when it is gone. */
function stat(pid) {
  const text = readOr(`/proc/${pid}/stat`, null);
  if (!text) {
    return null;
  }
  // the command name (field 2) is in parentheses and may hold spaces: the fields after the last ')' are fixed
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15
  return { pid, ppid: Number(fields[1]), cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}

function allProcesses() {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/** CPU seconds so far of each process started with this --user-data-dir and of its descendants: Map pid → s. */
export function browserCpu(userDataDir) {
  const flag = `--user-data-dir=${userDataDir}`;
  const stats = allProcesses().map(stat).filter(Boolean);
  const included = new Set(stats.filter((s) => readOr(`/proc/${s.pid}/cmdline`, '').split('\0').includes(flag))
    .map((s) => s.pid));
  // descendants: repeat until no process whose parent is included is left out
  for (let grown = true; grown;) {
    grown = false;
    for (const s of stats) {
      if (!included.has(s.pid) && included.has(s.ppid)) {
        included.add(s.pid);
        grown = true;
      }
    }
  }
  return new Map(stats.filter((s) => included.has(s.pid)).map((s) => [s.pid, s.cpuSeconds]));
}

/** CPU seconds so far of one process (all its threads); NaN when it is gone. */
export function processCpu(pid) {
  return stat(pid)?.cpuSeconds ?? Number.NaN;
}

/**
 * CPU seconds spent between two readings of browserCpu: a process present in both counts its difference, one
 * started in between counts all it used (one that ended in between is lost, which a steady call hardly has).
 */
export function cpuBetween(before, after) {
  let seconds = 0;
  for (const [pid, now] of after) {
    seconds += now - (before.get(pid) ?? 0);
  }
  return seconds;
}

/** The pid listening on a TCP port of this machine (ss), or null. */
export function listeningPid(port) {
  try {
    const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`]).toString();
    const match = out.match(/pid=(\d+)/);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export function loadAverage() {
  return readOr('/proc/loadavg', '').split(' ').slice(0, 3).join(' ');
}
