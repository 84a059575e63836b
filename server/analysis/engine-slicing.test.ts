import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyze, groupByMesh, indexUnits } from '@/lib/analysis/analyze';
import { AnalysisContext } from '@/lib/analysis/context';
import { RULES, ruleUnits } from '@/lib/analysis/rules/registry';
import type { ClusterView, Finding } from '@/lib/analysis/types';
import { builtinKinds } from '../clusters/kinds';
import type { SlimRootCert } from '../clusters/records';
import { AnalysisEngine, type AnalysisSnapshot } from './engine';
import { clusterViewOf } from './fleet-view';
import { generatedModel, type GeneratedModel } from '../bench/generated-model';
import { loadCrdValidator } from './schema-validation';

// 12 clusters in 2 meshes, 24 services x 2 pods each, and in every cluster Istio config with problems (~160 findings).
const SIZE = { clusters: 12, namespaces: 4, services: 24, pods: 2, seed: 3, meshes: 2 };
const validate = loadCrdValidator().validator?.validate;
const line = (f: Finding) => `${f.id} ${f.code} ${f.objects.map((o) => `${o.cluster}/${o.kind}/${o.namespace}/${o.name}`).join(',')}`;
/** What a single full analysis of the model's current state finds (the CLI's path, no engine). */
const full = (g: GeneratedModel) => analyze(g.model.clusters().map((e) => clusterViewOf(e)), { validateSchema: validate, telemetryMismatches: [] }).map(line);
const tick = () => new Promise<void>((r) => setImmediate(r));

let g: GeneratedModel;
let engine: AnalysisEngine | undefined;
beforeAll(() => {
  g = generatedModel({ ...SIZE, problems: true });
});
afterEach(() => engine?.stop());

describe('AnalysisEngine, sliced', () => {
  it('gives the findings of a one-call run, one unit per slice', async () => {
    // Recorded with the engine before it was sliced (one synchronous run over the same generated fleet).
    const before = JSON.parse(readFileSync(new URL('./__fixtures__/generated-findings.json', import.meta.url), 'utf8')) as string[];
    engine = new AnalysisEngine(g.model, { validateSchema: validate, unitsPerSlice: 1 });
    const snap = await engine.runSliced();
    expect(snap.findings.map(line)).toEqual(before);
    expect(full(g)).toEqual(before);
    const run = snap.lastRun!;
    // Every unit was its own slice (plus the closing one that publishes), and the rules were cut at least a cluster at a time.
    expect(run.slices).toBe(run.units + 1);
    const perCluster = RULES.filter((r) => r.meshReads).length;
    expect(run.units).toBeGreaterThan(SIZE.clusters * perCluster);
  });

  it('never lets one unit read the pods, services or config of more than one cluster', () => {
    const reads: Array<Map<string, number>> = [];
    let current = new Map<string, number>();
    // Counts what each unit iterates, per cluster, for the big collections.
    const counted = (cluster: string, items: Iterable<unknown>): Iterable<unknown> => ({
      *[Symbol.iterator]() {
        for (const x of items) {
          current.set(cluster, (current.get(cluster) ?? 0) + 1);
          yield x;
        }
      },
    });
    const views = g.model.clusters().map((e): ClusterView => {
      const v = clusterViewOf(e);
      return { ...v, pods: counted(v.name, v.pods), services: counted(v.name, v.services), config: counted(v.name, v.config), deployments: counted(v.name, v.deployments), namespaces: counted(v.name, v.namespaces) } as ClusterView;
    });
    const rules = RULES.filter((r) => r.scope === 'mesh');
    for (const [mesh, members] of groupByMesh(views)) {
      const ctx = new AnalysisContext(mesh, members, { validateSchema: validate });
      // As the engine goes: the indexes first, then each rule's units, taken one at a time.
      for (const units of [indexUnits(ctx, rules), ...rules.map((r) => ({ [Symbol.iterator]: () => ruleUnits(r, ctx)[Symbol.iterator]() }))]) {
        for (const u of units) {
          current = new Map();
          u.run();
          reads.push(current);
        }
      }
    }
    expect(reads.length).toBeGreaterThan(SIZE.clusters * rules.filter((r) => r.meshReads).length);
    expect(Math.max(...reads.map((r) => r.size))).toBe(1);
    // And the work is spread: the busiest unit reads a small share of what the fleet holds.
    const total = reads.reduce((n, r) => n + [...r.values()].reduce((a, b) => a + b, 0), 0);
    expect(Math.max(...reads.map((r) => Math.max(0, ...r.values())))).toBeLessThan(total / 20);
  });

  it('cancels a run when a change arrives during it and publishes only the run that saw the change', async () => {
    // Warm (compiled schemas, JIT), and a debounce long enough for the first run to finish were it not cancelled.
    new AnalysisEngine(g.model, { validateSchema: validate }).run();
    engine = new AnalysisEngine(g.model, { validateSchema: validate, unitsPerSlice: 10, debounceMs: 1000, maxWaitMs: 5000 }).start();
    const published: Array<{ snap: AnalysisSnapshot; modelRevision: number }> = [];
    engine.subscribe((snap) => published.push({ snap, modelRevision: g.model.revision }));
    const done = engine.runSliced();
    for (let i = 0; i < 3; i++) await tick();
    expect(published).toEqual([]);
    const cluster = g.model.clusterNames()[1]!;
    g.apply(cluster, { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'late', namespace: 'team-000' }, spec: { hosts: ['late'], http: [{ route: [{ destination: { host: 'late-host' } }] }] } } as never);
    const snap = await done;
    // One publication, reflecting the model as it was when published (a stale run would carry the older revision).
    expect(published.map((p) => [p.snap.revision, p.modelRevision])).toEqual([[g.model.revision, g.model.revision]]);
    expect(snap.lastRun!.superseded).toBeGreaterThanOrEqual(1);
    expect(snap.findings.some((f) => f.objects.some((o) => o.name === 'late' && o.cluster === cluster))).toBe(true);
    expect(snap.findings.map(line)).toEqual(full(g));
  });

  it('re-runs only what a change reads, and stays equal to a full analysis', async () => {
    engine = new AnalysisEngine(g.model, { validateSchema: validate, debounceMs: 5, maxWaitMs: 50 }).start();
    const runs: AnalysisSnapshot[] = [];
    engine.subscribe((s) => runs.push(s));
    const settle = async () => {
      const n = runs.length;
      while (runs.length === n) await new Promise((r) => setTimeout(r, 10));
      // Nothing further pending.
      await new Promise((r) => setTimeout(r, 60));
      return runs[runs.length - 1]!;
    };
    await settle();
    const [, c1, c2] = g.model.clusterNames() as [string, string, string];
    const vs = (name: string, host: string) => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace: 'team-001' }, spec: { hosts: [name], http: [{ route: [{ destination: { host } }] }] } }) as never;

    // One VirtualService: the rules that read VirtualServices, in that cluster only.
    g.apply(c1, vs('probe', 'nowhere'));
    let snap = await settle();
    expect(snap.findings.map(line)).toEqual(full(g));
    expect(snap.lastRun!.recomputed).toBe(1);
    expect(snap.lastRun!.reused).toBeGreaterThan(snap.lastRun!.units);

    // A Service deleted from one cluster (still in others): its key no longer names that cluster, whose IST0118 must go.
    const portName = snap.findings.find((f) => f.code === 'IST0118')!.objects[0]!;
    const svc = builtinKinds().find((k) => k.role === 'services')!;
    g.model.apply(portName.cluster, svc, `${portName.namespace}/${portName.name}`, undefined);
    expect(g.model.services.get(`${portName.namespace}/${portName.name}`)?.size).toBeGreaterThan(0);
    snap = await settle();
    expect(snap.findings.filter((f) => f.code === 'IST0118' && f.clusters.includes(portName.cluster))).toEqual([]);
    expect(snap.findings.map(line)).toEqual(full(g));

    // A root certificate that differs from the rest of its mesh: MG0001.
    g.model.apply(c2, builtinKinds().find((k) => k.role === 'rootcerts')!, 'istio-system', { namespace: 'istio-system', fingerprint: 'AB:CD', notAfter: '2100-01-01T00:00:00Z' } satisfies SlimRootCert);
    snap = await settle();
    expect(snap.findings.some((f) => f.code === 'MG0001')).toBe(true);
    expect(snap.findings.map(line)).toEqual(full(g));

    // Removed again, and the cluster's state changing: back to the start.
    g.model.apply(c1, g.specFor(vs('probe', 'x') as never)!, 'team-001/probe', undefined);
    g.model.clusterChanged(c1);
    snap = await settle();
    expect(snap.findings.map(line)).toEqual(full(g));
  });
});
