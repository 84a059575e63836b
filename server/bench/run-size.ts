/**
 * One fleet size, start to end: the simulator (child), sync vs floor and
 * memory (alternating child runs), then `next start` for API latency,
 * change-to-client and 1,000 SSE clients. Every child is stopped by PID in
 * `finally`, whatever failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { measureApiLatency, type ApiLatency, type EndpointLatency } from './api-latency';
import { measureChangeLatency, type ChangeLatencyResult } from './change-latency';
import { measureQuietCpu, type QuietCpu } from './quiet-cpu';
import { niced, runJson, startLong, tsxArgs } from './children';
import { ensureBuild, startNextHost } from './next-host';
import { loadAverage } from './proc-mem';
import type { SimHostInfo } from './sim-host';
import type { SizeSpec } from './sizes';
import { measureSseFanout, type SseFanoutResult } from './sse-fanout';
import { mib, spread, spreadOf, type Spread } from './stats';

interface SyncRun {
  syncMs: number;
  firstClusterOkMs: number;
  cpuMs: number;
  before: { rss: number; heapUsed: number };
  after: { rss: number; heapUsed: number; external: number; arrayBuffers: number };
}
interface FloorRun {
  floorMs: number;
  cpuMs: number;
  requests: number;
  items: number;
}

export interface SizeResult {
  size: string;
  fleet: SimHostInfo;
  loadAverage: number[];
  sync?: Record<string, Spread | number>;
  nextReadyMs?: number;
  quiet?: QuietCpu;
  api?: Array<{ name: string; path: string; saturated: LatencySummary; open?: LatencySummary }>;
  change?: { runs: ChangeLatencyResult[]; p50: Spread; p99: Spread; max: Spread; missed: number };
  sse?: { runs: SseFanoutResult[]; p50: Spread; p99: Spread; rssWithClientsMiB: Spread; rssDeltaMiB: Spread; missed: number };
  errors: string[];
}

interface LatencySummary {
  p50: Spread;
  p95: Spread;
  p99: Spread;
  rps: Spread;
  requests: number;
  non2xx: number;
  errors: number;
}

function latencySummary(all: EndpointLatency[]): LatencySummary {
  return {
    p50: spreadOf(all, (e) => e.latencyMs.p50),
    p95: spreadOf(all, (e) => e.latencyMs.p95),
    p99: spreadOf(all, (e) => e.latencyMs.p99),
    rps: spreadOf(all, (e) => e.rps, 0),
    requests: all.reduce((a, e) => a + e.requests, 0),
    non2xx: all.reduce((a, e) => a + e.non2xx, 0),
    errors: all.reduce((a, e) => a + e.errors, 0),
  };
}

export interface RunOptions {
  runs: number;
  skip: Set<string>;
  log: (msg: string) => void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const SYNC_FLAGS = ['--conditions=react-server', '--expose-gc'];

async function syncRuns(size: SizeSpec, sim: SimHostInfo, o: RunOptions): Promise<Record<string, Spread | number>> {
  const syncs: SyncRun[] = [];
  const floors: FloorRun[] = [];
  const heapFlag = size.name === 'L' ? ['--max-old-space-size=12288'] : [];
  for (let i = 0; i < o.runs; i++) {
    const f = await runJson<FloorRun>(process.execPath, tsxArgs('server/bench/sync-probe.ts', ['floor', sim.kubeconfigPath], [...SYNC_FLAGS, ...heapFlag]), { timeoutMs: 900_000, label: 'floor' });
    floors.push(f);
    o.log(`  floor run ${i + 1}: ${Math.round(f.floorMs)} ms, ${f.requests} requests, ${f.items} items`);
    const s = await runJson<SyncRun>(process.execPath, tsxArgs('server/bench/sync-probe.ts', ['sync', sim.kubeconfigPath], [...SYNC_FLAGS, ...heapFlag]), { timeoutMs: 960_000, label: 'sync' });
    syncs.push(s);
    o.log(`  sync run ${i + 1}: ${Math.round(s.syncMs)} ms, RSS ${mib(s.after.rss)} MiB, heap +${mib(s.after.heapUsed - s.before.heapUsed)} MiB`);
  }
  const retained = (s: SyncRun) => s.after.heapUsed + s.after.external - s.before.heapUsed;
  return {
    syncMs: spreadOf(syncs, (s) => s.syncMs, 0),
    floorMs: spreadOf(floors, (f) => f.floorMs, 0),
    // Paired per run: sync i over floor i (run back to back).
    ratio: spread(syncs.map((s, i) => s.syncMs / floors[i]!.floorMs), 2),
    syncCpuMs: spreadOf(syncs, (s) => s.cpuMs, 0),
    floorCpuMs: spreadOf(floors, (f) => f.cpuMs, 0),
    firstClusterOkMs: spreadOf(syncs, (s) => s.firstClusterOkMs, 0),
    rssAfterSyncMiB: spreadOf(syncs, (s) => mib(s.after.rss)),
    rssBaselineMiB: spreadOf(syncs, (s) => mib(s.before.rss)),
    heapRetainedMiB: spreadOf(syncs, (s) => mib(retained(s))),
    bytesPerPod: spreadOf(syncs, (s) => retained(s) / sim.pods, 0),
    bytesPerService: spreadOf(syncs, (s) => retained(s) / sim.services, 0),
    listRequests: floors[0]?.requests ?? 0,
    listItems: floors[0]?.items ?? 0,
  };
}

/** The simulated fleet's nice level (BENCH_SIM_NICE; 0 runs it at the dashboard's priority). */
export function simNice(): number {
  const v = Number(process.env.BENCH_SIM_NICE ?? 10);
  return Number.isInteger(v) && v >= 0 && v <= 19 ? v : 10;
}

export async function runSize(size: SizeSpec, o: RunOptions): Promise<SizeResult> {
  const work = mkdtempSync(path.join(os.tmpdir(), `meshglass-bench-${size.name}-`));
  const load = [loadAverage()];
  const stops: Array<() => Promise<void>> = [];
  const errors: string[] = [];
  try {
    o.log(`[${size.name}] starting the simulated fleet`);
    // The fleet and its Prometheus run niced (BENCH_SIM_NICE, default 10): they stand in for clusters and a Prometheus on other machines,
    // but here share 2 cores with the dashboard, and every scrape interval the sim's metric rendering took ~1.5 cores for ~0.5 s.
    const [simCmd, simArgs] = niced(simNice(), process.execPath, tsxArgs('server/bench/sim-host.ts', [JSON.stringify(size), path.join(work, 'kubeconfig.yaml')], [`--max-old-space-size=${size.simHeapMiB}`]));
    const sim = await startLong<SimHostInfo>(simCmd, simArgs, { timeoutMs: 1_200_000, label: 'sim' });
    stops.push(sim.stop);
    const r: SizeResult = { size: size.name, fleet: sim.info, loadAverage: load, errors };
    o.log(`[${size.name}] fleet: ${sim.info.clusters.length} clusters, ${sim.info.services} Services, ${sim.info.pods} pods, ${sim.info.objects} objects; started in ${sim.info.startMs} ms, sim RSS ${sim.info.rssMiB} MiB`);
    const step = async (name: string, fn: () => Promise<void>) => {
      if (o.skip.has(name)) return;
      try {
        await fn();
      } catch (err) {
        errors.push(`${name}: ${(err as Error).message}`);
        o.log(`[${size.name}] ${name} failed: ${(err as Error).message}`);
      }
      load.push(loadAverage());
    };
    await step('sync', async () => {
      o.log(`[${size.name}] sync vs floor, ${o.runs} runs`);
      r.sync = await syncRuns(size, sim.info, o);
    });
    const needsNext = ['quiet', 'api', 'change', 'sse'].some((s) => !o.skip.has(s));
    if (!needsNext) return r;
    await ensureBuild(o.log);
    o.log(`[${size.name}] next start`);
    const next = await startNextHost(sim.info, size, work, await freePort());
    stops.unshift(next.stop);
    r.nextReadyMs = next.readyMs;
    o.log(`[${size.name}] next start: all clusters ok after ${next.readyMs} ms (pid ${next.pid})`);
    await step('quiet', async () => {
      r.quiet = await measureQuietCpu(next.url, next.pid, Number(process.env.BENCH_QUIET_SECONDS ?? size.quietSeconds));
      o.log(`[${size.name}] quiet ${r.quiet.seconds} s after ready: dashboard CPU ${r.quiet.cpuPercent} % of a core, RSS ${r.quiet.rssMiB} MiB; istiod polls ok ${r.quiet.polledOk}/${r.quiet.controlPlanes}, poll age p50 ${r.quiet.pollAgeSeconds.p50} s, max ${r.quiet.pollAgeSeconds.max} s`);
    });
    await step('api', async () => {
      const runs: ApiLatency[][] = [];
      for (let i = 0; i < o.runs; i++) {
        runs.push(await measureApiLatency(next.url, size.telemetry.window, Number(process.env.BENCH_API_SECONDS ?? size.apiSeconds)));
        o.log(`  api run ${i + 1}: ${runs.at(-1)!.map((e) => `${e.saturated.name} p99 ${e.saturated.latencyMs.p99} ms (open loop ${e.open.latencyMs.p99})`).join(', ')}`);
      }
      r.api = runs[0]!.map((ep, j) => ({
        name: ep.saturated.name,
        path: ep.saturated.path,
        saturated: latencySummary(runs.map((x) => x[j]!.saturated)),
        open: latencySummary(runs.map((x) => x[j]!.open)),
      }));
    });
    await step('change', async () => {
      const runs: ChangeLatencyResult[] = [];
      for (let i = 0; i < o.runs; i++) {
        runs.push(await measureChangeLatency(next.url, sim.info.adminUrl, sim.info.clusters, Math.ceil(size.changes / o.runs)));
        o.log(`  change run ${i + 1}: p50 ${runs.at(-1)!.latencyMs.p50} ms, p99 ${runs.at(-1)!.latencyMs.p99} ms, missed ${runs.at(-1)!.missed}`);
      }
      r.change = { runs, p50: spreadOf(runs, (x) => x.latencyMs.p50), p99: spreadOf(runs, (x) => x.latencyMs.p99), max: spreadOf(runs, (x) => x.latencyMs.max), missed: runs.reduce((a, x) => a + x.missed, 0) };
    });
    await step('sse', async () => {
      const runs: SseFanoutResult[] = [];
      for (let i = 0; i < o.runs; i++) {
        runs.push(await measureSseFanout(next.url, next.pid, sim.info.adminUrl, sim.info.clusters[0]!, 1000, size.sseHoldSeconds));
        const x = runs.at(-1)!;
        o.log(`  sse run ${i + 1}: ${x.connected} connected, RSS ${x.rssBeforeMiB} -> ${x.rssWithClientsMiB} MiB, delay p50 ${x.delayMs.p50} p99 ${x.delayMs.p99} ms, missed ${x.missed}`);
      }
      r.sse = {
        runs,
        p50: spreadOf(runs, (x) => x.delayMs.p50),
        p99: spreadOf(runs, (x) => x.delayMs.p99),
        rssWithClientsMiB: spreadOf(runs, (x) => x.rssWithClientsMiB, 0),
        rssDeltaMiB: spreadOf(runs, (x) => x.rssWithClientsMiB - x.rssBeforeMiB, 0),
        missed: runs.reduce((a, x) => a + x.missed, 0),
      };
    });
    return r;
  } finally {
    for (const stop of stops) await stop();
    rmSync(work, { recursive: true, force: true });
  }
}
