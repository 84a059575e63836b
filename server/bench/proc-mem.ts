/** Resident memory of a process and its descendants, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';

function children(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // Field 4 (ppid) comes after the ')' that closes the command name.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function rssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Every descendant of pid alive now. */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const todo = children(pid);
  while (todo.length) {
    const p = todo.pop()!;
    out.push(p);
    todo.push(...children(p));
  }
  return out;
}

/** RSS in MiB of pid plus all its descendants. */
export function treeRssMiB(pid: number): number {
  return Math.round([pid, ...descendants(pid)].reduce((a, p) => a + rssKiB(p), 0) / 1024);
}

/** The 1-minute load average (the machine is shared: figures are noisy). */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}
