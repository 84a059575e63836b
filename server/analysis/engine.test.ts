import { afterEach, describe, expect, it } from 'vitest';
import { builtinKinds, configKind } from '../clusters/kinds';
import type { SlimMeshConfig, SlimRootCert } from '../clusters/records';
import { FleetModel } from '../fleet/model';
import { ALL } from '../fleet/scope';
import { AnalysisEngine } from './engine';
import { getFindings } from './findings';

const kind = (role: string) => builtinKinds().find((k) => k.role === role)!;
const ok = { condition: () => ({ phase: 'ok' as const, reason: '', syncedKinds: 9, totalKinds: 9, forbiddenKinds: [], dataAgeSeconds: 0 }), skipped: () => ({ count: 0, oversized: 0 }), kubernetesVersion: () => undefined };
const fp = (c: string) => `${c}${c}:`.repeat(31) + `${c}${c}`;

function fleet(): FleetModel {
  const m = new FleetModel();
  for (const [name, mesh] of [['a1', 'a'], ['a2', 'a'], ['b1', 'b']] as const) {
    m.upsertCluster({ name, displayName: name, source: 'test' }, ok);
    m.apply(name, kind('meshconfigs'), 'istio-system/istio', { namespace: 'istio-system', name: 'istio', revision: 'default', meshId: mesh, trustDomain: 'cluster.local' } satisfies SlimMeshConfig);
    m.apply(name, kind('rootcerts'), 'istio-system', { namespace: 'istio-system', fingerprint: fp('A'), notAfter: '2100-01-01T00:00:00Z' } satisfies SlimRootCert);
  }
  return m;
}

let engine: AnalysisEngine | undefined;
afterEach(() => engine?.stop());

describe('AnalysisEngine', () => {
  it('recomputes only the mesh whose cluster changed, after a debounce, and serves filtered findings', async () => {
    const model = fleet();
    engine = new AnalysisEngine(model, { debounceMs: 20, maxWaitMs: 100 }).start();
    await new Promise((r) => setTimeout(r, 80));
    expect(engine.current()).toMatchObject({ findings: [], lastRun: { meshes: 2, recomputed: 2 } });

    const runs: number[] = [];
    engine.subscribe((s) => runs.push(s.lastRun!.recomputed));
    model.apply('a2', kind('rootcerts'), 'istio-system', { namespace: 'istio-system', fingerprint: fp('B'), notAfter: '2100-01-01T00:00:00Z' });
    model.apply('a2', configKind('networking.istio.io', 'v1', 'DestinationRule', 'destinationrules', true), 'shop/x', { group: 'networking.istio.io', version: 'v1', kind: 'DestinationRule', namespace: 'shop', name: 'x', labels: {}, annotations: {}, spec: { host: 'nope' } });
    await new Promise((r) => setTimeout(r, 120));
    expect(runs).toEqual([1]);
    const snap = engine.current();
    expect(snap.findings.map((f) => f.code).sort()).toEqual(['IST0174', 'MG0001']);
    expect(snap.revision).toBe(model.revision);

    const res = getFindings(model, snap, ALL, { code: 'MG0001', page: 1, pageSize: 10 });
    expect(res.data).toMatchObject({ total: 1, counts: { Error: 1, Warning: 0, Info: 0 } });
    expect(res.data.items[0]!.clusters).toEqual(['a1', 'a2']);
    expect(getFindings(model, snap, ALL, { cluster: 'b1', page: 1, pageSize: 10 }).data.total).toBe(0);
    expect(getFindings(model, snap, ALL, { kind: 'DestinationRule', namespace: 'shop', page: 1, pageSize: 10 }).data.items.map((f) => f.code)).toEqual(['IST0174']);
  });

  it('stays incremental when the change feed collapses a big change to prefixes', async () => {
    const model = fleet();
    engine = new AnalysisEngine(model, { debounceMs: 20, maxWaitMs: 100 }).start();
    await new Promise((r) => setTimeout(r, 80));
    const runs: number[] = [];
    const published: string[][] = [];
    engine.subscribe((s) => runs.push(s.lastRun!.recomputed));
    model.feed.subscribe((c) => published.push(c.keys));
    // 300 Services in 300 namespaces of b1: the SSE event names only `services`, which maps to no cluster.
    for (let i = 0; i < 300; i++) model.apply('b1', kind('services'), `ns${i}/x`, { namespace: `ns${i}`, name: 'x', type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [], labels: {}, externalAddresses: [] });
    await new Promise((r) => setTimeout(r, 150));
    expect(published.flat()).toEqual(['services']);
    expect(runs).toEqual([1]);
  });
});
