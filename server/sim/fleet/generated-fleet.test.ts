import { describe, expect, it } from 'vitest';
import { installVendoredCrds } from '../kube/vendored-crds';
import { createClusterStore } from '../kube/store';
import { buildCluster, FleetIndex } from './build-cluster';
import { generatedFleet } from './generated-fleet';

const opts = { clusters: 4, namespaces: 3, services: 12, pods: 2, seed: 7 };
const certs = (ids: string[]) => ({ roots: Object.fromEntries(ids.map((id) => [id, `ROOT-${id}`])), apiCaPem: 'CA' });

describe('generated fleet', () => {
  it('is deterministic from the seed', () => {
    expect(JSON.stringify(generatedFleet(opts))).toBe(JSON.stringify(generatedFleet(opts)));
    expect(JSON.stringify(generatedFleet({ ...opts, seed: 8 }))).not.toBe(JSON.stringify(generatedFleet(opts)));
  });

  it('builds the same objects twice and the requested sizes', () => {
    const fleet = generatedFleet(opts);
    const index = new FleetIndex(fleet);
    const c = certs(fleet.meshes.map((m) => m.rootId));
    const first = buildCluster(index, fleet.clusters[0]?.name ?? '', c);
    const again = buildCluster(new FleetIndex(generatedFleet(opts)), fleet.clusters[0]?.name ?? '', c);
    expect(JSON.stringify(again.objects)).toBe(JSON.stringify(first.objects));
    const appPods = first.pods.filter((p) => p.namespace.startsWith('team-'));
    expect(appPods.length).toBe(opts.services * opts.pods);
    const store = createClusterStore();
    installVendoredCrds(store);
    for (const o of first.objects) store.apply(o);
    expect(store.list('v1', 'Namespace').filter((n) => n.metadata.name.startsWith('team-')).length).toBe(opts.namespaces);
  });

  it('has local and cross-cluster edges between existing workloads', () => {
    const fleet = generatedFleet(opts);
    const keys = new Set(fleet.workloads.map((w) => `${w.cluster}/${w.namespace}/${w.name}`));
    expect(fleet.edges.some((e) => e.source.cluster !== e.destination.cluster)).toBe(true);
    for (const e of fleet.edges) expect(keys.has(`${e.destination.cluster}/${e.destination.namespace}/${e.destination.workload}`)).toBe(true);
  });

  it('names the bad option', () => {
    expect(() => generatedFleet({ ...opts, clusters: 0 })).toThrow(/--clusters/);
    expect(() => generatedFleet({ ...opts, pods: 1.5 })).toThrow(/--pods/);
  });
});
