/**
 * Benchmark (not a test): builds a fleet model of a generated 50-cluster
 * fleet (the simulator's objects, slimmed and applied as the watches would),
 * runs the analysis engine over it, and prints heap before/after and timings.
 *   npx tsx --conditions=react-server --expose-gc server/bench/analysis-memory.ts [clusters] [services] [pods]
 * The react-server condition turns 'server-only' into a no-op outside Next.
 */
import { recordKey } from '../clusters/kinds';
import { watchedKindFor } from './generated-model';
import { FleetModel } from '../fleet/model';
import { AnalysisEngine } from '../analysis/engine';
import { loadCrdValidator } from '../analysis/schema-validation';
import { buildCluster, FleetIndex } from '../sim/fleet/build-cluster';
import { generatedFleet } from '../sim/fleet/generated-fleet';
import { createCa } from '../sim/pki';

const CLUSTERS = Number(process.argv[2] ?? 50);
const SERVICES = Number(process.argv[3] ?? 40);
const PODS = Number(process.argv[4] ?? 2);

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  return Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
};

const ok = { condition: () => ({ phase: 'ok' as const, reason: '', syncedKinds: 1, totalKinds: 1, forbiddenKinds: [], dataAgeSeconds: 0 }), skipped: () => ({ count: 0, oversized: 0 }), kubernetesVersion: () => undefined };

const baseline = heapMb();
const spec = generatedFleet({ clusters: CLUSTERS, namespaces: 10, services: SERVICES, pods: PODS, seed: 7, meshes: 2 });
const roots: Record<string, string> = {};
for (const m of spec.meshes) roots[m.rootId] ??= createCa(`${m.id} root`).certPem;
const index = new FleetIndex(spec);
const model = new FleetModel();
let objects = 0;
for (const c of spec.clusters) {
  const built = buildCluster(index, c.name, { roots, apiCaPem: createCa('api').certPem });
  model.upsertCluster({ name: c.name, displayName: c.name, source: 'bench' }, ok);
  for (const o of [...built.objects, ...built.pods.map((p) => p.object)]) {
    const k = watchedKindFor(o as never);
    if (!k) continue;
    const r = k.slim(o);
    if (!r.ok) continue;
    model.apply(c.name, k, recordKey(k.namespaced ? o.metadata.namespace : undefined, o.metadata.name), r.record);
    objects++;
  }
}
model.feed.flush();
const withModel = heapMb();
const { validator } = loadCrdValidator();
const engine = new AnalysisEngine(model, { validateSchema: validator?.validate });
const t = performance.now();
const first = engine.run();
const firstMs = Math.round(performance.now() - t);
// Before collection: what the run allocated on top of the model.
const transientMb = Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10;
const afterFirst = heapMb();
// One cluster changes: only its mesh is recomputed.
engine.start();
await new Promise((r) => setTimeout(r, 400));
model.clusterChanged(spec.clusters[0]!.name);
await new Promise((r) => setTimeout(r, 400));
const second = engine.current();
engine.stop();
const afterSecond = heapMb();

console.log(JSON.stringify({
  clusters: CLUSTERS, objectsApplied: objects, pods: [...model.clusters()].reduce((n, e) => n + e.store.pods.size, 0),
  heapMb: { baseline, withModel, peakDuringFirstAnalysis: transientMb, afterFirstAnalysis: afterFirst, afterIncremental: afterSecond, analysisRetained: Math.round((afterFirst - withModel) * 10) / 10 },
  firstRun: { ms: firstMs, findings: first.findings.length, meshes: first.lastRun?.meshes },
  incrementalRun: second.lastRun,
  findingsByCode: Object.fromEntries([...new Set(first.findings.map((f) => f.code))].map((c) => [c, first.findings.filter((f) => f.code === c).length])),
}, null, 2));
