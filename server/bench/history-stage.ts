/**
 * The `history` stage of `npm run bench` (server/bench/run.ts): the change
 * history under a fleet's config churn.
 *  - store (per size; skip with `pglite` / `pg` for one backend): write
 *    throughput through HistoryWriter and, at the largest size, query latency
 *    of the /api/v1/changes shapes, on PGlite in a temp dir and on a
 *    PostgreSQL server on loopback (history-store-probe.ts, a child);
 *  - cost (at the largest size; skip with `cost`): the fleet runtime syncing
 *    and then churning with the history attached and not
 *    (history-sync-probe.ts, a child per run), the churn driven from here
 *    (history-churn.ts) against the simulated fleet (sim-host.ts, a child).
 * Every child is stopped by PID (children.ts); every loop is bounded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { historyConfigSchema } from '../config/schema';
import { CHURN_INTERVAL_MS } from '../sim/scenarios/config-churn';
import { generatedFleet } from '../sim/fleet/generated-fleet';
import { niced, runJson, spawnTracked, startLong, terminate, tsxArgs } from './children';
import { driveChurn, pairDelays, type ChurnResult, type ChurnTarget } from './history-churn';
import type { Backend, BackendResult, StoreProbeOptions } from './history-store-probe';
import type { SyncProbeOptions, SyncProbeResult } from './history-sync-probe';
import { simNice } from './run-size';
import type { SimHostInfo } from './sim-host';
import { SIZES, type SizeName, type SizeSpec } from './sizes';
import { percentiles, type Percentiles } from './stats';

export interface HistoryStageOptions {
  sizes: SizeName[];
  /** Runs of each arm (off, on) of the cost step. */
  runs: number;
  skip: Set<string>;
  smoke: boolean;
  log: (m: string) => void;
}

export interface HistoryStageResult {
  /** How the query store was sized, in words and numbers. */
  sizing: Record<string, number | string>;
  store: Array<{ size: string; clusters: number; services: number; results: BackendResult[] }>;
  cost?: { size: string; windowSeconds: number; runs: CostRun[] };
  errors: string[];
}

/** One arm's run: the probe's figures, the churn as driven, and apply-to-model delays (sends and arrivals left out). */
export interface CostRun {
  mode: 'off' | 'on';
  probe: Omit<SyncProbeResult, 'window'> & { window: Omit<SyncProbeResult['window'], 'churnArrivals'> };
  churn: Omit<ChurnResult, 'sends'>;
  churnToModelMs: Percentiles;
  churnMissed: number;
}

/** What `npm test`'s smoke run uses: a small generated fleet, a few thousand entries, short windows. */
const SMOKE_FLEET = { clusters: 4, namespaces: 2, services: 10, pods: 1, seed: 1 };
const PROBE_FLAGS = ['--conditions=react-server', '--expose-gc'];

function generated(size: SizeSpec) {
  if (size.fleet === 'demo') throw new Error(`size ${size.name} is the demo fleet; the history stage needs a generated one (M or L)`);
  return size.fleet;
}

/** The sizing of the query store: the scenario's rate at this fleet size, and what the default retention keeps of a day of it. */
function sizing(clusters: number, meanEntryBytes: number): Record<string, number | string> {
  const retentionBytes = historyConfigSchema.parse({}).retentionMegabytes * 1_000_000;
  const perS = clusters / (CHURN_INTERVAL_MS / 1000) + 1 / (CHURN_INTERVAL_MS / 1000);
  const perDay = Math.round(perS * 86_400);
  const kept = Math.round(retentionBytes / meanEntryBytes);
  return {
    how: 'the config-churn scenario (one VirtualService rewritten every 3 s) in every cluster, plus one Deployment rollout every 3 s fleet-wide; the store holds what the default retention keeps of a day of it',
    scenarioAsShippedPerDay: Math.round(86_400 / (CHURN_INTERVAL_MS / 1000)),
    entriesPerS: Math.round(perS * 10) / 10,
    entriesPerDay: perDay,
    meanEntryBytes,
    bytesPerDay: perDay * meanEntryBytes,
    retentionBytes,
    entriesKept: kept,
    hoursKept: Math.round((kept / perS / 3600) * 10) / 10,
  };
}

async function storeStep(o: HistoryStageOptions, r: HistoryStageResult): Promise<void> {
  const backends = (['pglite', 'pg'] as Backend[]).filter((b) => !o.skip.has(b));
  if (backends.length === 0) return;
  const retentionBytes = historyConfigSchema.parse({}).retentionMegabytes * 1_000_000;
  const drop = (process.env.BENCH_HISTORY_DROP_INDEXES ?? '').split(',').filter(Boolean);
  for (const [i, name] of o.sizes.entries()) {
    const largest = i === o.sizes.length - 1;
    const p: StoreProbeOptions = {
      size: o.smoke ? 'smoke' : name,
      fleet: o.smoke ? SMOKE_FLEET : generated(SIZES[name]),
      backends,
      // The smaller sizes: throughput only. The largest: filled to what the default retention keeps, then queried.
      maxEntries: o.smoke ? 5_000 : largest ? 5_000_000 : 100_000,
      maxBytes: o.smoke || !largest ? 1e15 : retentionBytes,
      maxWriteSeconds: o.smoke ? 20 : 300,
      ...(drop.length ? { dropIndexes: drop } : {}),
      // PGlite has no autovacuum: as written is how it runs. A server's autovacuum analyzes in its own time: after ANALYZE is its steady state.
      passes: o.smoke ? {} : { pg: ['after ANALYZE'] },
      ...(largest ? { queries: o.smoke ? { reps: 3, maxSecondsPerShape: 2, pages: 5 } : { reps: 20, maxSecondsPerShape: 6, pages: 50 } } : {}),
    };
    o.log(`[history] ${p.size}: store on ${backends.join(' and ')}: ${largest ? `filled to ${p.maxBytes >= 1e15 ? p.maxEntries : `${p.maxBytes / 1e6} MB (default retention)`}, then queried` : `${p.maxEntries} entries, writes only`}${drop.length ? `, without ${drop.join(', ')}` : ''}`);
    try {
      const heap = name === 'L' && !o.smoke ? ['--max-old-space-size=8192'] : [];
      const res = await runJson<HistoryStageResult['store'][number]>(process.execPath, tsxArgs('server/bench/history-store-probe.ts', [JSON.stringify(p)], [...PROBE_FLAGS, ...heap]), { timeoutMs: 1_500_000, label: `history-store ${p.size}` });
      r.store.push(res);
      const w = res.results[0]?.writes;
      if (largest && w) r.sizing = sizing(res.clusters, w.meanEntryBytes);
    } catch (err) {
      r.errors.push(`store ${name}: ${(err as Error).message}`);
      o.log(`[history] store ${name} failed: ${(err as Error).message}`);
    }
  }
}

/** One run of the sync probe: synced and settled, then `window` seconds of churn from here, then its result. */
async function costRun(mode: 'off' | 'on', sim: SimHostInfo, targets: ChurnTarget[], p: SyncProbeOptions, heap: string[]): Promise<CostRun> {
  // MESHGLASS_DATABASE_URL empty: the `on` arm is PGlite (the default), whatever this shell has.
  const child = spawnTracked(process.execPath, tsxArgs('server/bench/history-sync-probe.ts', [mode, sim.kubeconfigPath, JSON.stringify(p)], [...PROBE_FLAGS, ...heap]), { timeoutMs: 0, label: `history-sync ${mode}`, env: { ...process.env, MESHGLASS_DATABASE_URL: '', LOG_LEVEL: 'warn' } });
  const limit = setTimeout(() => void terminate(child), p.syncTimeoutMs + (p.settleSeconds + p.windowSeconds + p.drainSeconds) * 1000 + 120_000);
  try {
    let churn: Promise<ChurnResult> | undefined;
    const result = await new Promise<SyncProbeResult>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith('{"ready"')) churn = driveChurn(sim.adminUrl, targets, p.windowSeconds - 1); // ends 1 s before the window, so its last writes are seen in it
        else if (line.startsWith('{"result"')) resolve((JSON.parse(line) as { result: SyncProbeResult }).result);
        else process.stderr.write(`[history-sync ${mode}] ${line}\n`); // the product's warnings (its logger writes to stdout)
      });
      child.once('exit', (c) => reject(new Error(`history-sync ${mode} exited with ${c ?? 'a signal'} without a result`)));
    });
    if (!churn) throw new Error(`history-sync ${mode} gave a result without being ready`);
    const { sends, ...driven } = await churn;
    const { churnArrivals, ...window } = result.window;
    const paired = pairDelays(sends, churnArrivals);
    return { mode, probe: { ...result, window }, churn: driven, churnToModelMs: percentiles(paired.delaysMs), churnMissed: paired.missed };
  } finally {
    clearTimeout(limit);
    await terminate(child);
  }
}

async function costStep(o: HistoryStageOptions, r: HistoryStageResult): Promise<void> {
  const name = o.sizes.at(-1)!;
  const size: SizeSpec = o.smoke ? { ...SIZES.M, name: 'M', fleet: SMOKE_FLEET, simHeapMiB: 1024 } : SIZES[name];
  const fleet = generated(size);
  const p: SyncProbeOptions = o.smoke ? { settleSeconds: 1, windowSeconds: 4, drainSeconds: 1, syncTimeoutMs: 60_000 } : { settleSeconds: 10, windowSeconds: 30, drainSeconds: 5, syncTimeoutMs: 900_000 };
  const work = mkdtempSync(path.join(os.tmpdir(), 'meshglass-bench-history-'));
  const label = o.smoke ? 'smoke' : name;
  o.log(`[history] ${label}: cost to the sync: starting the simulated fleet`);
  const [simCmd, simArgs] = niced(simNice(), process.execPath, tsxArgs('server/bench/sim-host.ts', [JSON.stringify(size), path.join(work, 'kubeconfig.yaml')], [`--max-old-space-size=${size.simHeapMiB}`]));
  const sim = await startLong<SimHostInfo>(simCmd, simArgs, { timeoutMs: 1_200_000, label: 'sim' });
  try {
    const services = generatedFleet(fleet).services;
    const targets = sim.info.clusters.map((cluster, i) => {
      const s = services[i % services.length]!;
      return { cluster, namespace: s.namespace, host: `${s.name}.${s.namespace}.svc.cluster.local` };
    });
    const heap = name === 'L' && !o.smoke ? ['--max-old-space-size=12288'] : [];
    r.cost = { size: label, windowSeconds: p.windowSeconds, runs: [] };
    for (let i = 0; i < o.runs; i++) {
      for (const mode of ['off', 'on'] as const) {
        try {
          const run = await costRun(mode, sim.info, targets, p, heap);
          r.cost.runs.push(run);
          const w = run.probe.window;
          o.log(`  ${mode}: sync ${run.probe.syncMs} ms (CPU ${run.probe.syncCpuMs} ms); churn ${run.churn.appliesPerS}/s: CPU ${w.cpuMsPerS} ms/s, loop gaps > 50 ms ${w.gapsOver50ms}, max ${w.gapMaxMs} ms, services read p99 ${w.servicesReadMs.p99} ms, churn to model p50 ${run.churnToModelMs.p50} / p99 ${run.churnToModelMs.p99} ms (${run.churnMissed} missed)${run.probe.history ? `; ${run.probe.history.entries} entries written (${run.probe.history.state})` : ''}`);
        } catch (err) {
          r.errors.push(`cost ${mode}: ${(err as Error).message}`);
          o.log(`[history] cost ${mode} failed: ${(err as Error).message}`);
        }
      }
    }
  } finally {
    await sim.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs the stage; failures of a step are collected in `errors`, the other steps still run. */
export async function runHistoryStage(o: HistoryStageOptions): Promise<HistoryStageResult> {
  const r: HistoryStageResult = { sizing: {}, store: [], errors: [] };
  await storeStep(o, r);
  if (!o.skip.has('cost')) {
    try {
      await costStep(o, r);
    } catch (err) {
      r.errors.push(`cost: ${(err as Error).message}`);
      o.log(`[history] cost failed: ${(err as Error).message}`);
    }
  }
  return r;
}
