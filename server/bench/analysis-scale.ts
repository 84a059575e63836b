/**
 * Benchmark (not a test): every analysis rule over a generated fleet of a
 * benchmark size (S, M, L), with problem config in every cluster, in one
 * process: the model's heap, a full run (one call, then sliced as the server
 * runs it), each rule's time, the peak RSS, and one cluster's change.
 *   node --expose-gc --conditions=react-server --import tsx server/bench/analysis-scale.ts L
 * `npm run bench -- analysis` runs it at M and L and writes bench-results/analysis.json.
 */
import { groupByMesh } from '@/lib/analysis/analyze';
import { AnalysisContext } from '@/lib/analysis/context';
import { RULES } from '@/lib/analysis/rules/registry';
import { AnalysisEngine } from '../analysis/engine';
import { clusterViewOf } from '../analysis/fleet-view';
import { loadCrdValidator } from '../analysis/schema-validation';
import { generatedModel } from './generated-model';
import { SIZES, type SizeName } from './sizes';

const name = (process.argv[2] ?? 'M').toUpperCase() as SizeName;
const size = SIZES[name];
if (!size || size.fleet === 'demo') throw new Error(`size ${name}: M or L (S is the demo fleet, not generated)`);

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const heap = () => {
  gc();
  return mb(process.memoryUsage().heapUsed);
};
const timed = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const v = f();
  return [v, Math.round(performance.now() - t)];
};

const baseline = heap();
const [{ model }, buildMs] = timed(() => generatedModel({ ...size.fleet as Exclude<typeof size.fleet, 'demo'>, meshes: 2, problems: true }));
const withModel = heap();
const entries = [...model.clusters()];
const { validator } = loadCrdValidator();
const options = { validateSchema: validator?.validate };

const engine = new AnalysisEngine(model, options);
const [first, fullMs] = timed(() => engine.run());
const peakHeapAfterFirst = mb(process.memoryUsage().heapUsed);
const retained = heap() - withModel;

const sliceEngine = new AnalysisEngine(model, options);
const t = performance.now();
const sliced = await sliceEngine.runSliced();
const slicedMs = Math.round(performance.now() - t);

// Each rule alone over every mesh (fleet rules over the fleet), views built once.
const views = entries.map((e) => clusterViewOf(e));
const perRule: Array<{ codes: string; analyzer?: string; ms: number; findings: number }> = [];
for (const rule of RULES) {
  const groups = rule.scope === 'fleet' ? [['*', views] as const] : [...groupByMesh(views)];
  let findings = 0;
  const [, ms] = timed(() => {
    for (const [mesh, members] of groups) findings += rule.run(new AnalysisContext(mesh, members, options)).length;
  });
  perRule.push({ codes: rule.codes.join('/'), ...(rule.analyzer ? { analyzer: rule.analyzer } : {}), ms, findings });
}
perRule.sort((a, b) => b.ms - a.ms);

// One cluster changes: only its mesh's pieces that read it run again.
engine.start();
await new Promise((r) => setTimeout(r, 500));
model.clusterChanged(entries[0]!.info.name);
await new Promise((r) => setTimeout(r, 3000));
const incremental = engine.current().lastRun;
engine.stop();

console.log(JSON.stringify({
  size: name,
  fleet: size.fleet,
  clusters: entries.length,
  pods: entries.reduce((n, e) => n + e.store.pods.size, 0),
  services: entries.reduce((n, e) => n + e.store.services.size, 0),
  configObjects: entries.reduce((n, e) => n + [...e.store.config.values()].reduce((k, t) => k + t.size, 0), 0),
  rules: RULES.length,
  modelBuildMs: buildMs,
  heapMiB: { baseline, withModel, model: withModel - baseline, afterFirstRunBeforeGc: peakHeapAfterFirst, retainedByAnalysis: retained },
  maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  fullRun: { ms: fullMs, findings: first.findings.length },
  slicedRun: { ms: slicedMs, busyMs: sliced.lastRun?.busyMs, slices: sliced.lastRun?.slices, maxSliceMs: sliced.lastRun?.maxSliceMs, units: sliced.lastRun?.units },
  incrementalRun: incremental,
  slowestRules: perRule.slice(0, 12),
  findingsByCode: Object.fromEntries([...new Set(first.findings.map((f) => f.code))].sort().map((c) => [c, first.findings.filter((f) => f.code === c).length])),
}, null, 1));
