/**
 * Benchmark (not a test): the dashboard's background work after sync, and how
 * long it holds the event loop. The simulated fleet (sim-host.ts, with its
 * global Prometheus scraping the first 4 clusters) runs in a child process;
 * this process runs the product's fleet runtime (watches, istiod polls every
 * `--poll` s) against it, as `next start` does, and, in the telemetry step,
 * the fleet-wide service-list telemetry behind GET /api/v1/services (asked
 * once a second; cached 5 s, then reloaded in the background, as configured
 * in next-host.ts).
 *   npx tsx --conditions=react-server server/bench/background-stretches.ts [--size M] [--seconds 30] [--poll 10] [--json FILE]
 * Steps, each `--seconds` long, after every cluster is `ok` and 20 s settled:
 *  - polls: the fleet runtime alone (nothing changes: the istiod polls are the work);
 *  - telemetry: the same plus the service-list telemetry reloads.
 * Then, with the runtime stopped (its model kept), less sensitive to a shared machine (CPU time, one thing at a time):
 *  - pollRounds: every cluster's istiod polled once by a fresh IstiodPoller, one cluster after
 *    the other, three rounds (the first parses every answer, the next ones find them unchanged):
 *    process CPU ms per poll, and the longest poll's wall time;
 *  - reloads: five fleet-wide service-list telemetry loads (serviceAccumulators, the three
 *    queries of GET /api/v1/services), one after the other: CPU ms per load.
 * Each step reports: the synchronous stretches seen by a 1 ms timer chain
 * (gaps between its ticks: count > 20 ms and > 50 ms, p99, max, and the sum of
 * gaps > 20 ms per second), perf_hooks.monitorEventLoopDelay max / p99, and the
 * process's CPU per second of wall time.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { clustersConfigSchema, telemetryConfigSchema } from '../config/schema';
import { startFleetRuntime } from '../fleet/fleet-runtime';
import { IstiodPoller } from '../clusters/istiod-poller';
import { KubeClient } from '../clusters/kube-client';
import { serviceAccumulators } from '../telemetry/service-signals';
import { servicesQuerySchema } from '@/lib/fleet/services';
import { ALL } from '../fleet/scope';
import { getServicesWithSignals } from '../telemetry/service-list-signals';
import { createTelemetryService } from '../telemetry/telemetry-service';
import { startLong, stopAllChildren, tsxArgs } from './children';
import type { SimHostInfo } from './sim-host';
import { SIZES, type SizeName } from './sizes';

const argOf = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZE = SIZES[(argOf('size') ?? 'M') as SizeName];
const SECONDS = Number(argOf('seconds') ?? 30);
const POLL_SECONDS = Number(argOf('poll') ?? 10);
const JSON_FILE = argOf('json');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 10) / 10;
const round1 = round;
const load = () => loadavg().map(round);

/** Gaps of a 1 ms timer chain while `fn` runs: each gap beyond ~1 ms is the loop busy with something else. */
async function stretches(seconds: number, during: (until: number) => Promise<void>) {
  const gaps: number[] = [];
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const until = performance.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let last = performance.now();
  let done = false;
  const tick = () => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    if (!done) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  await during(until);
  const rest = until - performance.now();
  if (rest > 0) await sleep(rest);
  done = true;
  await sleep(5);
  h.disable();
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  gaps.sort((a, b) => a - b);
  const over = (ms: number) => gaps.filter((g) => g > ms);
  return {
    wallS: round(wallS),
    cpuMsPerS: round((cpu.user + cpu.system) / 1000 / wallS),
    gapsOver20ms: over(20).length,
    gapsOver50ms: over(50).length,
    gapP99Ms: round(gaps[Math.floor(gaps.length * 0.99)] ?? 0),
    gapMaxMs: round(gaps.at(-1) ?? 0),
    busyInGapsOver20msPerS: round(over(20).reduce((s, g) => s + g, 0) / wallS),
    loopDelayMs: { p99: round(h.percentile(99) / 1e6), max: round(h.max / 1e6) },
    longestGapsMs: gaps.slice(-8).reverse().map(round),
  };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'meshglass-bg-'));
  const loads = [load()];
  const sim = await startLong<SimHostInfo>(process.execPath, tsxArgs('server/bench/sim-host.ts', [JSON.stringify(SIZE), path.join(work, 'kubeconfig.yaml')], [`--max-old-space-size=${SIZE.simHeapMiB}`]), { timeoutMs: 1_200_000, label: 'sim' });
  try {
    const kc = new KubeConfig();
    kc.loadFromString(readFileSync(sim.info.kubeconfigPath, 'utf8'));
    const expected = kc.getContexts().filter((c) => !c.name.endsWith('-restricted')).length;
    const cfg = clustersConfigSchema.parse({ kubeconfigs: [{ path: sim.info.kubeconfigPath, exclude: ['*-restricted'] }], staleAfterSeconds: 60, istiodPollSeconds: POLL_SECONDS, requestTimeoutSeconds: 60 });
    const t0 = performance.now();
    const rt = startFleetRuntime(cfg);
    try {
      for (;;) {
        const now = Date.now();
        const ok = rt.model.clusters().filter((e) => e.view.condition(now).phase === 'ok').length;
        if (ok === expected) break;
        if (performance.now() - t0 > 900_000) throw new Error(`sync not done: ${ok}/${expected}`);
        await sleep(50);
      }
      const syncMs = Math.round(performance.now() - t0);
      process.stderr.write(`synced ${expected} clusters in ${syncMs} ms; settling 20 s\n`);
      await sleep(20_000);
      loads.push(load());
      const polls = await stretches(SECONDS, async () => undefined);
      process.stderr.write(`polls: ${JSON.stringify(polls)}\n`);
      loads.push(load());
      const svc = createTelemetryService(telemetryConfigSchema.parse({ mode: 'global', global: { url: sim.info.prometheusUrl, clusterLabel: 'cluster' }, window: SIZE.telemetry.window, cacheSeconds: 5 }));
      const ask = () => getServicesWithSignals(rt.model, ALL, servicesQuerySchema.parse({ page: '2', pageSize: '50', sort: 'name' }), svc);
      // The first answer waits for Prometheus; the step measures the background reloads after it.
      const first = await ask();
      const telemetryStates = Object.values(first.clusters).filter((c) => c.state === 'ok').length;
      const telemetry = await stretches(SECONDS, async (until) => {
        while (performance.now() < until - 1000) {
          await ask();
          await sleep(1000);
        }
      });
      process.stderr.write(`telemetry: ${JSON.stringify(telemetry)}\n`);
      loads.push(load());
      // The runtime's own watches and pollers stop here (the model stays), so the CPU below is only the measured work.
      rt.stop();
      await sleep(2_000);
      const cpuMs = () => {
        const c = process.cpuUsage();
        return (c.user + c.system) / 1000;
      };
      const pollers = rt.model.clusterNames().map((name) => {
        const kcc = new KubeConfig();
        kcc.loadFromString(readFileSync(sim.info.kubeconfigPath, 'utf8'));
        kcc.setCurrentContext(name);
        const client = new KubeClient(kcc, 60_000);
        return { client, poller: new IstiodPoller(name, client, rt.model, { intervalMs: 3_600_000, timeoutMs: 60_000 }) };
      });
      const pollRounds = [];
      for (let round = 1; round <= 3; round++) {
        const c0 = cpuMs();
        let maxWall = 0;
        for (const p of pollers) {
          const w0 = performance.now();
          await p.poller.pollOnce();
          maxWall = Math.max(maxWall, performance.now() - w0);
        }
        pollRounds.push({ round, cpuMsPerPoll: round1((cpuMs() - c0) / pollers.length), maxPollWallMs: Math.round(maxWall) });
      }
      for (const p of pollers) p.client.close();
      process.stderr.write(`pollRounds: ${JSON.stringify(pollRounds)}\n`);
      const reloads: number[] = [];
      const fresh = createTelemetryService(telemetryConfigSchema.parse({ mode: 'global', global: { url: sim.info.prometheusUrl, clusterLabel: 'cluster' }, window: SIZE.telemetry.window, cacheSeconds: 0 }));
      let series = 0;
      for (let i = 0; i < 5; i++) {
        const c0 = cpuMs();
        const r = await serviceAccumulators(fresh, rt.model.clusterNames(), SIZE.telemetry.window, {});
        reloads.push(round1(cpuMs() - c0));
        series = r.acc.size;
      }
      process.stderr.write(`reloads: ${JSON.stringify(reloads)} (${series} service instances)\n`);
      loads.push(load());
      const out = { size: SIZE.name, clusters: expected, pollSeconds: POLL_SECONDS, seconds: SECONDS, syncMs, telemetryClustersOk: telemetryStates, loadAverage: loads, polls, telemetry, pollRounds, reloadCpuMs: reloads, serviceInstancesWithSignals: series, date: new Date().toISOString() };
      process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
      if (JSON_FILE) writeFileSync(JSON_FILE, `${JSON.stringify(out, null, 1)}\n`);
    } finally {
      rt.stop();
    }
  } finally {
    await sim.stop();
  }
}

process.on('SIGINT', () => void stopAllChildren().then(() => process.exit(130)));
void main()
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
    await stopAllChildren();
    process.exit(1);
  });
