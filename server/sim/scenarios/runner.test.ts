import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCluster, FleetIndex } from '../fleet/build-cluster';
import { demoFleet } from '../fleet/demo-fleet';
import { generatedFleet } from '../fleet/generated-fleet';
import type { FleetSpec } from '../fleet/types';
import type { SyncFaults } from '../istiod/proxies';
import { installVendoredCrds } from '../kube/vendored-crds';
import { createClusterStore } from '../kube/store';
import type { KubeApiServerHandle, KubeFaults } from '../kube/types';
import { createCa } from '../pki';
import { TrafficModel } from '../telemetry/traffic-model';
import { SCENARIOS } from './registry';
import { ScenarioRunner } from './runner';
import type { ScenarioCluster } from './types';

function fakeApi(): KubeApiServerHandle {
  const faults: KubeFaults = { refuseConnections: false, delayMs: 0, rejectAllTokens: false, expireWatches: false };
  return {
    port: 1,
    url: 'https://127.0.0.1:1',
    caCertPem: '',
    faults,
    setFaults: async (p) => void Object.assign(faults, p),
    stop: async () => undefined,
  };
}

function setup(spec: FleetSpec = demoFleet()) {
  const index = new FleetIndex(spec);
  const roots = Object.fromEntries(spec.meshes.map((m) => [m.rootId, createCa(m.rootId).certPem]));
  const clusters: ScenarioCluster[] = spec.clusters.map((c) => {
    const store = createClusterStore();
    installVendoredCrds(store);
    for (const o of buildCluster(index, c.name, { roots, apiCaPem: 'CA' }).objects) store.apply(o);
    return { name: c.name, mesh: c.mesh, network: c.network, region: c.region, store, api: fakeApi(), syncFaults: new Map() as SyncFaults };
  });
  const model = new TrafficModel(spec);
  return { spec, clusters, model, runner: new ScenarioRunner({ spec, model, clusters }) };
}

const snapshot = (c: ScenarioCluster) =>
  JSON.stringify(
    ([
      ['v1', 'ConfigMap'], ['v1', 'Service'], ['v1', 'Pod'], ['apps/v1', 'Deployment'], ['networking.istio.io/v1', 'VirtualService'], ['networking.istio.io/v1', 'DestinationRule'],
      ['v1', 'Namespace'], ['apps/v1', 'DaemonSet'], ['v1', 'Endpoints'], ['discovery.k8s.io/v1', 'EndpointSlice'],
      ['gateway.networking.k8s.io/v1', 'Gateway'], ['gateway.networking.k8s.io/v1', 'HTTPRoute'], ['gateway.networking.k8s.io/v1beta1', 'ReferenceGrant'],
    ] as const).flatMap(([apiVersion, k]) =>
      c.store.list(apiVersion, k).map((o) => ({ n: o.metadata.name, ns: o.metadata.namespace, s: o.spec, st: o.status, d: o.data, l: o.metadata.labels, a: o.metadata.annotations, u: o.metadata.uid, e: o.endpoints ?? o.subsets })),
    ),
  );

/** Scenarios about the demo's ambient shop and Gateway API objects: on a fleet without them they change nothing. */
const DEMO_ONLY = new Set(['waypoint-down', 'route-not-accepted', 'ztunnel-node-down', 'dataplane-mismatch', 'waypoint-missing', 'waypoint-latency']);

afterEach(() => {
  vi.useRealTimers();
});

describe('scenario runner', () => {
  it('every scenario applies and reverts to the same objects, faults and traffic', async () => {
    const { clusters, model, runner } = setup();
    const before = clusters.map(snapshot);
    const rates = JSON.stringify(model.currentParams().map((p) => p.params));
    for (const s of SCENARIOS) {
      await runner.set(s.name);
      await runner.set('healthy');
      expect(clusters.map(snapshot), s.name).toEqual(before);
      expect(JSON.stringify(model.currentParams().map((p) => p.params)), s.name).toBe(rates);
      for (const c of clusters) {
        expect(c.api.faults, s.name).toEqual({ refuseConnections: false, delayMs: 0, rejectAllTokens: false, expireWatches: false });
        expect(c.syncFaults.size, s.name).toBe(0);
      }
    }
    runner.stop();
  });

  it('every scenario also applies to a generated fleet and changes something observable', async () => {
    const { clusters, model, runner } = setup(generatedFleet({ clusters: 4, namespaces: 2, services: 6, pods: 2, seed: 3 }));
    const before = clusters.map(snapshot);
    for (const s of SCENARIOS.filter((x) => x.name !== 'healthy')) {
      await runner.set(s.name);
      if (DEMO_ONLY.has(s.name)) {
        expect(clusters.map(snapshot), s.name).toEqual(before);
        await runner.set('healthy');
        continue;
      }
      const changed =
        clusters.some((c, i) => snapshot(c) !== before[i]) ||
        clusters.some((c) => c.syncFaults.size > 0 || c.api.faults.refuseConnections || c.api.faults.delayMs > 0 || c.api.faults.rejectAllTokens || c.api.faults.expireWatches) ||
        model.currentParams().some((p) => JSON.stringify(p.params.errors) !== JSON.stringify(p.edge.spec.errors ?? []) || p.params.rps !== p.edge.spec.rps || p.params.latency.p99Ms !== p.edge.spec.latency?.p99Ms);
      expect(changed, s.name).toBe(true);
      await runner.set('healthy');
    }
    runner.stop();
  });

  it('rejects unknown names, listing the known ones', async () => {
    const { runner } = setup();
    await expect(runner.set('nope')).rejects.toThrow(/known: healthy, failover/);
  });

  it('stops a scenario timer when switching away (config-churn)', async () => {
    vi.useFakeTimers();
    const { clusters, runner } = setup();
    const east = clusters[0];
    if (!east) throw new Error('no cluster');
    await runner.set('config-churn');
    const rv0 = east.store.resourceVersion;
    await vi.advanceTimersByTimeAsync(3100);
    expect(east.store.resourceVersion).toBeGreaterThan(rv0);
    await runner.set('healthy');
    const rv1 = east.store.resourceVersion;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(east.store.resourceVersion).toBe(rv1);
    runner.stop();
  });
});
