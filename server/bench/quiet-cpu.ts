/**
 * What the dashboard costs while nobody asks it anything: CPU of `next start` (and its children) over a
 * quiet stretch right after it reported every cluster ok, and how recently each istiod was polled. At L the
 * istiod polls alone kept a core busy before the fleet-wide poll budget; this makes that a figure.
 */
import { readFileSync } from 'node:fs';
import { descendants, treeRssMiB } from './proc-mem';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ is 100 on Linux). */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields 14 and 15 (utime, stime) counted from field 3, the first after the command name's ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

/** CPU time in ms used so far by pid and every descendant alive now. */
export function treeCpuMs(pid: number): number {
  return ([pid, ...descendants(pid)].reduce((a, p) => a + cpuTicks(p), 0) * 1000) / TICKS_PER_SECOND;
}

export interface QuietCpu {
  seconds: number;
  /** CPU of the dashboard's process tree over the stretch, in % of one core. */
  cpuPercent: number;
  /** RSS of the dashboard's process tree at the end of the stretch (control-plane polls in by then). */
  rssMiB: number;
  /** istiod revisions listed, and how many were last polled ok. */
  controlPlanes: number;
  polledOk: number;
  /** Age of each revision's last poll at the end of the stretch, in seconds. */
  pollAgeSeconds: { p50: number; max: number };
}

export async function measureQuietCpu(nextUrl: string, pid: number, seconds: number): Promise<QuietCpu> {
  const before = treeCpuMs(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const cpuPercent = ((treeCpuMs(pid) - before) / (performance.now() - t0)) * 100;
  const ages: number[] = [];
  let ok = 0;
  const res = await fetch(`${nextUrl}/api/v1/controlplanes`);
  if (!res.ok) throw new Error(`GET /api/v1/controlplanes: HTTP ${res.status}`);
  const body = (await res.json()) as { data: Array<{ poll: { state: string; lastPolledAt?: string } }> };
  for (const cp of body.data) {
    if (cp.poll.state === 'ok') ok++;
    if (cp.poll.lastPolledAt) ages.push((Date.now() - Date.parse(cp.poll.lastPolledAt)) / 1000);
  }
  const total = body.data.length;
  ages.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { seconds, cpuPercent: round(cpuPercent), rssMiB: treeRssMiB(pid), controlPlanes: total, polledOk: ok, pollAgeSeconds: { p50: round(ages[Math.floor(ages.length / 2)] ?? 0), max: round(ages.at(-1) ?? 0) } };
}
