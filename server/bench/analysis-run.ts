/**
 * Benchmark (not a test): how long the analysis engine blocks the event loop
 * at fleet size M (one mesh of 50 clusters x 200 services x 5 pods, the
 * benchmark's M fleet), in-process, with the fleet model built the way
 * analysis-scale.ts builds it (server/bench/generated-model.ts).
 *   npx tsx --conditions=react-server server/bench/analysis-run.ts [--runs 5] [--changes 40] [--clusters 50 --services 200 --pods 5 --meshes 1] [--problems] [--rules] [--crds PATH] [--json FILE]
 * Steps:
 *  - full: `--runs` full runs (a new engine each), run total and the engine's longest slice;
 *  - changes: the engine started, a VirtualService `istio-system/bench-probe` applied to the
 *    clusters in turn 50-250 ms apart (as the change-to-client benchmark does); delay from the
 *    moment each apply was due to its delivery to a change-feed subscriber (what an SSE client
 *    waits for, in-process), and the runs the changes caused;
 *  - periodic: other synchronous work at M, each timed alone (SSE fan-out of one change to 1,000
 *    streams, a quiet relist of one cluster's pods, views of every cluster, a findings query);
 *  - with `--rules`: each rule alone over the mesh (diagnosis: where the time goes).
 * Every step reports perf_hooks.monitorEventLoopDelay (1 ms resolution) max and p99 while it ran.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { AnalysisContext } from '@/lib/analysis/context';
import { groupByMesh } from '@/lib/analysis/analyze';
import { RULES } from '@/lib/analysis/rules/registry';
import { builtinKinds, configKind, type AnyRecord } from '../clusters/kinds';
import { fleetEventStream } from '../fleet/events';
import { ALL } from '../fleet/scope';
import { AnalysisEngine, type AnalysisSnapshot } from '../analysis/engine';
import { clusterViewOf } from '../analysis/fleet-view';
import { getFindings } from '../analysis/findings';
import { loadCrdValidator } from '../analysis/schema-validation';
import { generatedModel } from './generated-model';
import { percentiles, spread } from './stats';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}
const RUNS = arg('runs', 5);
const CHANGES = arg('changes', 40);
const SIZE = { clusters: arg('clusters', 50), namespaces: 10, services: arg('services', 200), pods: arg('pods', 5), seed: 1, meshes: arg('meshes', 1) };
/** With problem config in every cluster (VirtualServices, DestinationRules, Gateways: ~13 per cluster), so the config rules have work. */
const PROBLEMS = process.argv.includes('--problems');
const jsonAt = process.argv.indexOf('--json');
const JSON_FILE = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 10) / 10;

/** Event-loop delay while `fn` runs: max and p99 in ms (the histogram's samples are ns). */
async function withLoopDelay<T>(fn: () => Promise<T>): Promise<{ result: T; loopDelayMs: { p50: number; p99: number; max: number } }> {
  const h: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  // The histogram drops its first sample: let it tick before the work starts.
  await sleep(20);
  const result = await fn();
  // A timer held up by the last synchronous stretch records its delay only when it fires.
  await sleep(5);
  h.disable();
  const ms = (ns: number) => round(ns / 1e6);
  return { result, loopDelayMs: { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) } };
}

// --- the fleet model: the generated fleet's objects slimmed and applied as the watches would ---
const loadAtStart = loadavg().map(round);
const buildStart = performance.now();
const { model } = generatedModel({ ...SIZE, problems: PROBLEMS });
const podKind = builtinKinds().find((k) => k.role === 'pods')!;
const podRecords = new Map<string, AnyRecord>();
for (const [key, rec] of model.clusters()[0]!.store.pods) podRecords.set(key, rec);
const clusters = model.clusterNames();
const buildMs = Math.round(performance.now() - buildStart);
const crdsAt = process.argv.indexOf('--crds');
const { validator, problem: crdProblem } = crdsAt > 0 ? loadCrdValidator(process.argv[crdsAt + 1]) : loadCrdValidator();
const engineOpts = { validateSchema: validator?.validate };
const load = () => loadavg().map(round);

/** A run's own figures; older engines (one synchronous run) report only ms. */
type RunInfo = NonNullable<AnalysisSnapshot['lastRun']> & { slices?: number; maxSliceMs?: number; units?: number };

// --- full runs ---
const full: Array<{ ms: number; maxSliceMs?: number; slices?: number; findings: number; loopDelayMs: { p99: number; max: number } }> = [];
for (let i = 0; i < RUNS; i++) {
  const engine = new AnalysisEngine(model, engineOpts);
  const { result, loopDelayMs } = await withLoopDelay(async () => {
    const t = performance.now();
    // Sliced where the engine has it; an engine from before slicing runs in one call.
    const sliced = (engine as { runSliced?: () => Promise<AnalysisSnapshot> }).runSliced;
    const snap = sliced ? await sliced.call(engine) : await engine.run();
    return { snap, wall: performance.now() - t };
  });
  const info = result.snap.lastRun as RunInfo;
  full.push({ ms: round(result.wall), maxSliceMs: info.maxSliceMs, slices: info.slices, findings: result.snap.findings.length, loopDelayMs });
  await sleep(200);
}

// Same findings before and after a change of the engine: a digest of their ids.
let digest = '';
{
  const ids = (await new AnalysisEngine(model, engineOpts).run()).findings.map((f) => f.id).join(',');
  let h = 0x811c9dc5;
  for (let i = 0; i < ids.length; i++) h = Math.imul(h ^ ids.charCodeAt(i), 0x01000193);
  digest = (h >>> 0).toString(16);
}

// --- changes while the engine runs ---
const probeKind = configKind('networking.istio.io', 'v1', 'VirtualService', 'virtualservices', true);
const probe = (n: number) => ({ group: 'networking.istio.io', version: 'v1', kind: 'VirtualService', namespace: 'istio-system', name: 'bench-probe', labels: {}, annotations: { n: String(n) }, spec: { hosts: ['bench-probe.example.com'], http: [{ route: [{ destination: { host: 'bench-probe.example.com' } }] }] } });
const engine = new AnalysisEngine(model, engineOpts);
const runs: RunInfo[] = [];
engine.subscribe((s) => runs.push(s.lastRun as RunInfo));
engine.start();
while (runs.length === 0) await sleep(50);
runs.length = 0;
const delivery: number[] = [];
const changes = await withLoopDelay(async () => {
  let waiting: { key: string; due: number; done: () => void } | undefined;
  const unsubscribe = model.feed.subscribe((c) => {
    if (waiting && c.keys.includes(waiting.key)) {
      delivery.push(performance.now() - waiting.due);
      waiting.done();
    }
  });
  for (let i = 0; i < CHANGES; i++) {
    const cluster = clusters[i % clusters.length]!;
    const key = `config/${cluster}/networking.istio.io/VirtualService/istio-system/bench-probe`;
    const gap = 50 + Math.random() * 200;
    await new Promise<void>((resolve) => {
      const due = performance.now() + gap;
      setTimeout(() => {
        waiting = { key, due, done: resolve };
        model.apply(cluster, probeKind, 'istio-system/bench-probe', probe(i) as never);
      }, gap);
    });
  }
  unsubscribe();
  // The last change's run.
  await sleep(3000);
});
engine.stop();

// --- other periodic synchronous work, each alone ---
const periodic: Record<string, { ms: ReturnType<typeof percentiles> }> = {};
async function timeEach(name: string, n: number, fn: () => void): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
    await sleep(20);
  }
  periodic[name] = { ms: percentiles(ms) };
}
// SSE fan-out: 1,000 open /api/v1/events streams, one change flushed to all of them.
const ac = new AbortController();
const readers = Array.from({ length: 1000 }, () => {
  const r = fleetEventStream(model, ALL, { signal: ac.signal }).getReader();
  void (async () => {
    for (;;) if ((await r.read().catch(() => ({ done: true }))).done) return;
  })();
  return r;
});
await sleep(200);
let n = 0;
await timeEach('sseFanout1000', 20, () => {
  model.apply(clusters[0]!, probeKind, 'istio-system/bench-probe', probe(1000 + n++) as never);
  model.feed.flush();
});
ac.abort();
await Promise.all(readers.map((r) => r.cancel().catch(() => undefined)));
// A relist of one cluster's pods after a 410 that finds nothing changed (JSON comparison per record).
await timeEach('quietPodRelist1000', 5, () => model.replaceKind(clusters[0]!, podKind, podRecords));
await timeEach('clusterViewsAll', 5, () => {
  const now = Date.now();
  model.clusters().map((e) => clusterViewOf(e, now));
});
const snap = engine.current();
await timeEach('findingsQuery', 10, () => getFindings(model, snap, ALL, { page: 1, pageSize: 100, cluster: clusters[3] }));
await timeEach('feedSinceRing', 10, () => model.feed.since(model.revision - 500));

// --- per rule, diagnosis ---
const rules: Record<string, number> = {};
if (process.argv.includes('--rules')) {
  const now = Date.now();
  const views = model.clusters().map((e) => clusterViewOf(e, now));
  for (const [mesh, members] of groupByMesh(views)) {
    const ctx = new AnalysisContext(mesh, members, { now, validateSchema: validator?.validate });
    for (const r of RULES.filter((x) => x.scope === 'mesh')) {
      const t = performance.now();
      r.run(ctx);
      rules[`${mesh} ${r.codes.join('/')}`] = round(performance.now() - t);
    }
  }
}

const result = {
  size: { ...SIZE, problems: PROBLEMS },
  node: process.version,
  schemaValidation: crdProblem ?? 'on',
  loadavg: { atStart: loadAtStart, atEnd: load() },
  buildMs,
  objects: model.clusters().reduce((k, e) => k + e.store.pods.size, 0),
  full: {
    findings: full[0]?.findings,
    findingsDigest: digest,
    runs: full,
    runMs: spread(full.map((f) => f.ms)),
    maxSliceMs: spread(full.map((f) => f.maxSliceMs ?? f.ms)),
    loopDelayMaxMs: spread(full.map((f) => f.loopDelayMs.max)),
    loopDelayP99Ms: spread(full.map((f) => f.loopDelayMs.p99)),
  },
  changes: {
    changes: CHANGES,
    loopDelayMs: changes.loopDelayMs,
    deliveryMs: percentiles(delivery),
    runs: runs.length,
    runMs: percentiles(runs.map((r) => r.ms)),
    maxSliceMs: percentiles(runs.map((r) => r.maxSliceMs ?? r.ms)),
    slices: percentiles(runs.map((r) => r.slices ?? 1), 0),
    recomputed: percentiles(runs.map((r) => r.recomputed), 0),
  },
  periodic,
  rules,
};
console.log(JSON.stringify(result, null, 2));
if (JSON_FILE) writeFileSync(JSON_FILE, JSON.stringify(result, null, 2));
