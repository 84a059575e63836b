/**
 * Child process of the history stage: the product's fleet runtime syncing a
 * simulated fleet, with the change history attached (`on`: startHistory as
 * app-runtime.ts composes it: recorder, HistoryWriter, PGlite in a temp dir,
 * in this process) or not (`off`), then a window of config churn driven by
 * the runner through the simulator's admin endpoint.
 *   node --conditions=react-server --expose-gc --import tsx server/bench/history-sync-probe.ts <off|on> <kubeconfig> '<SyncProbeOptions json>'
 * Prints {"ready": {...}} when synced and settled (the runner then churns for
 * windowSeconds), and {"result": {...}} at the end of the window.
 * In the window: gaps of a 1 ms timer chain (the event loop held), the
 * process's CPU per second, a fleet read as GET /api/v1/services does it
 * every 250 ms (the API's stand-in), and when each churn write reached the
 * model (per cluster, in order: the runner pairs them with its applies).
 * The `on` arm's data dir is created and migrated before the sync starts (as
 * after a restart; that first open is timed apart).
 * The analysis engine is not started in either arm (it runs whether or not
 * the history is on; docs/analysis.md measures it), so the recorder sees no
 * findings snapshots.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { servicesQuerySchema } from '@/lib/fleet/services';
import type { AnalysisEngine } from '../analysis/engine';
import { clustersConfigSchema, historyConfigSchema } from '../config/schema';
import { startFleetRuntime } from '../fleet/fleet-runtime';
import { ALL } from '../fleet/scope';
import { getServices } from '../fleet/services';
import { openChangeStore } from '../history/open-store';
import { createLogger } from '../log/logger';
import type { HistoryRuntime } from '../runtime/history-runtime';
import { startHistory } from '../runtime/start-history';
import { percentiles, type Percentiles } from './stats';

export interface SyncProbeOptions {
  settleSeconds: number;
  windowSeconds: number;
  /** After the window, how long churn writes still count as arrived (late ones are the lag being measured). */
  drainSeconds: number;
  syncTimeoutMs: number;
}

export interface SyncProbeResult {
  mode: 'on' | 'off';
  clusters: number;
  syncMs: number;
  syncCpuMs: number;
  window: {
    seconds: number;
    cpuMsPerS: number;
    /** Gaps of a 1 ms timer chain: the loop held by something else. */
    gapsOver20ms: number;
    gapsOver50ms: number;
    gapP99Ms: number;
    gapMaxMs: number;
    loopDelayP99Ms: number;
    /** GET /api/v1/services' model read and JSON, every 250 ms. */
    servicesReadMs: Percentiles;
    /** Epoch ms of each churn VirtualService write into the model, per cluster, in order. */
    churnArrivals: Record<string, number[]>;
    rssMiB: number;
  };
  /** `on`: entries in the store at the end (after the writer's last flush) and its state; the first open of the fresh data dir, before the sync. */
  history?: { entries: number; state: string; freshStoreOpenMs?: number };
}

const [mode, kubeconfigPath, optsJson] = process.argv.slice(2) as ['on' | 'off', string, string];
const opts = JSON.parse(optsJson) as SyncProbeOptions;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const r1 = (x: number) => Math.round(x * 10) / 10;
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** Stands in for the analysis engine: no findings, never a snapshot. */
const noAnalysis = { current: () => ({ findings: [] }), subscribe: () => () => undefined } as unknown as AnalysisEngine;

function contexts(): number {
  const kc = new KubeConfig();
  kc.loadFromString(readFileSync(kubeconfigPath, 'utf8'));
  return kc.getContexts().filter((c) => !c.name.endsWith('-restricted')).length;
}

async function main(): Promise<SyncProbeResult> {
  const expected = contexts();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'meshglass-bench-history-sync-'));
  // A restart opens an existing data dir; a fresh one's first open (PGlite's initdb, the migrations) is timed on its own.
  let freshStoreOpenMs: number | undefined;
  if (mode === 'on') {
    const f0 = performance.now();
    await (await openChangeStore({ dataDir })).close();
    freshStoreOpenMs = Math.round(performance.now() - f0);
  }
  const cfg = clustersConfigSchema.parse({ kubeconfigs: [{ path: kubeconfigPath, exclude: ['*-restricted'] }], requestTimeoutSeconds: 60 });
  const cpu0 = cpuMs();
  const t0 = performance.now();
  const rt = startFleetRuntime(cfg);
  let stopped = false;
  const stopFleet = () => {
    if (!stopped) rt.stop();
    stopped = true;
  };
  // As app-runtime.ts: the history starts right after the fleet runtime, so it sees every write after the first sync.
  let history: HistoryRuntime | undefined;
  if (mode === 'on') {
    history = startHistory(historyConfigSchema.parse({ dataDir }), { resolvePath: (p) => p, logger: createLogger('warn'), model: rt.model, analysis: () => noAnalysis });
  }
  let arrivals: Record<string, number[]> | undefined;
  rt.model.observe({
    recordChanged: (c) => {
      if (arrivals && c.cause === 'event' && c.spec.kind === 'VirtualService' && c.key.endsWith('/churn')) (arrivals[c.cluster] ??= []).push(Date.now());
    },
  });
  try {
    const seenOk = new Set<string>();
    for (;;) {
      const now = Date.now();
      const entries = rt.model.clusters();
      for (const e of entries) if (e.view.condition(now).phase === 'ok') seenOk.add(e.info.name);
      if (entries.length === expected && seenOk.size === expected && entries.every((e) => e.view.condition(now).phase === 'ok')) break;
      if (performance.now() - t0 > opts.syncTimeoutMs) throw new Error(`sync not done after ${opts.syncTimeoutMs} ms: ${seenOk.size}/${expected} ok`);
      await sleep(10);
    }
    const syncMs = Math.round(performance.now() - t0);
    const syncCpuMs = Math.round(cpuMs() - cpu0);
    // Opens the store now (the dashboard's first history read does), so that its one-off start is not in the window.
    await history?.status();
    await sleep(opts.settleSeconds * 1000);
    arrivals = {};
    process.stdout.write(`${JSON.stringify({ ready: { syncMs } })}\n`);

    const gaps: number[] = [];
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    const wc0 = cpuMs();
    const w0 = performance.now();
    const until = w0 + opts.windowSeconds * 1000;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      if (now < until) setTimeout(tick, 1);
    };
    setTimeout(tick, 1);
    const reads: number[] = [];
    const query = servicesQuerySchema.parse({ page: '2', pageSize: '50', sort: 'name' });
    while (performance.now() < until) {
      const q0 = performance.now();
      JSON.stringify(getServices(rt.model, ALL, query));
      reads.push(performance.now() - q0);
      await sleep(250);
    }
    const seconds = (performance.now() - w0) / 1000;
    const windowCpu = cpuMs() - wc0;
    h.disable();
    await sleep(opts.drainSeconds * 1000);
    const over = (ms: number) => gaps.filter((g) => g > ms).length;
    const window = {
      seconds: r1(seconds),
      cpuMsPerS: r1(windowCpu / seconds),
      gapsOver20ms: over(20),
      gapsOver50ms: over(50),
      gapP99Ms: percentiles(gaps).p99,
      gapMaxMs: percentiles(gaps).max,
      loopDelayP99Ms: r1(h.percentile(99) / 1e6),
      servicesReadMs: percentiles(reads, 2),
      churnArrivals: arrivals,
      rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
    let hist: SyncProbeResult['history'];
    if (history) {
      // No more writes; the writer flushes within its 1 s; a fresh store's newest id is the count of entries written.
      stopFleet();
      await sleep(2_500);
      const status = await history.status();
      const newest = await history.query({ limit: 1 });
      hist = { entries: Number(newest.items[0]?.id ?? 0), state: status.state };
    }
    return { mode, clusters: expected, syncMs, syncCpuMs, window, ...(hist ? { history: { ...hist, freshStoreOpenMs } } : {}) };
  } finally {
    stopFleet();
    await history?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main()
  .then((result) => {
    process.stdout.write(`${JSON.stringify({ result })}\n`);
    process.exit(0);
  })
  .catch((err: unknown) => {
    process.stderr.write(`history-sync-probe: ${String((err as Error)?.stack ?? err)}\n`);
    process.exit(1);
  });
