import { describe, expect, it } from 'vitest';
import { builtinKinds, configKind, type AnyRecord } from '../clusters/kinds';
import type { ClusterCondition } from '../clusters/cluster-state';
import { getCluster, getClusters } from './clusters';
import { FleetModel, type ClusterLiveView } from './model';
import { getWorkloads } from './workloads';
import { getServices } from './services';
import { ScopedRowCache } from './scoped-rows';
import { ALL, type VisibilityScope } from './scope';
import { parseSelector } from '@/lib/access/selector';

const kinds = builtinKinds();
const spec = (role: string) => kinds.find((k) => k.role === role)!;
const namespaces = spec('namespaces');
const services = spec('services');
const pods = spec('pods');
const deployments = spec('deployments');
const nodes = spec('nodes');
const secrets = spec('secrets');
const meshConfigs = spec('meshconfigs');
const slices = spec('endpointslices');
const virtualServices = configKind('networking.istio.io', 'v1', 'VirtualService', 'virtualservices', true);

const pod = (name: string, labels: Record<string, string> = { app: 'reviews', version: 'v1' }, workload = 'reviews-v1', ready = true) =>
  ({ namespace: labels.app === 'istiod' ? 'istio-system' : 'bookinfo', name, labels, phase: 'Running', ready, workload: { kind: 'Deployment', name: workload }, hasProxy: true, proxyVersion: '1.24.1', annotations: {} }) as AnyRecord;
const gateway = (name: string, istio = 'eastwestgateway') =>
  ({ namespace: 'istio-system', name, type: 'LoadBalancer', ports: [{ port: 15443, protocol: 'TCP' }], labels: { istio }, externalAddresses: ['192.0.2.1'] }) as AnyRecord;
const remoteSecret = (peer: string) =>
  ({ namespace: 'istio-system', name: `istio-remote-secret-${peer}`, type: 'Opaque', labels: { 'istio/multiCluster': 'true' }, annotations: {}, dataKeys: [peer] }) as AnyRecord;

/** A view whose data age follows the clock, as a connection's does. */
const view = (startedAt: number): ClusterLiveView => ({
  condition: (now): ClusterCondition => ({ phase: 'ok', syncedKinds: 9, totalKinds: 9, forbiddenKinds: [], dataAgeSeconds: Math.round((now - startedAt) / 1000) }),
  skipped: () => ({ count: 0, oversized: 0 }),
  kubernetesVersion: () => 'v1.30.4',
});

function fleet(): FleetModel {
  const m = new FleetModel();
  for (const c of ['a', 'b']) {
    m.upsertCluster({ name: c, displayName: c, source: 'test' }, view(Date.now()));
    m.apply(c, pods, 'bookinfo/r1', pod('r1'));
    m.apply(c, pods, 'istio-system/istiod-1', pod('istiod-1', { app: 'istiod', 'istio.io/rev': 'default' }, 'istiod'));
    m.apply(c, nodes, 'n1', { name: 'n1', region: 'eu', zone: 'eu-a' } as AnyRecord);
  }
  return m;
}

/** The memoised part of a cluster's answer: its arrays are reused until the cluster changes. */
const derived = (m: FleetModel, c: string) => getCluster(m, ALL, c)!.data.regions;

describe('cluster summary memo', () => {
  it('reuses a cluster summary until a write into that cluster, and only that cluster', () => {
    const m = fleet();
    const writes: Array<[string, () => void]> = [
      ['pod', () => m.apply('a', pods, 'bookinfo/r2', pod('r2'))],
      ['service', () => m.apply('a', services, 'bookinfo/reviews', { ...(gateway('reviews', '') as object), namespace: 'bookinfo' } as AnyRecord)],
      ['namespace', () => m.apply('a', namespaces, 'istio-system', { name: 'istio-system', labels: { 'topology.istio.io/network': 'net-a' } } as AnyRecord)],
      ['meshconfig', () => m.apply('a', meshConfigs, 'istio-system/istio', { namespace: 'istio-system', name: 'istio', revision: 'default', meshId: 'mesh-1' } as AnyRecord)],
      ['secret', () => m.apply('a', secrets, 'istio-system/istio-remote-secret-b', remoteSecret('b'))],
      ['node', () => m.apply('a', nodes, 'n2', { name: 'n2', region: 'us', zone: 'us-a' } as AnyRecord)],
      ['config object', () => m.apply('a', virtualServices, 'bookinfo/vs', { group: 'networking.istio.io', version: 'v1', kind: 'VirtualService', namespace: 'bookinfo', name: 'vs', labels: {}, annotations: {}, resourceVersion: '1' } as AnyRecord)],
      ['deployment', () => m.apply('a', deployments, 'bookinfo/idle', { namespace: 'bookinfo', name: 'idle', labels: {}, replicas: 0, readyReplicas: 0, availableReplicas: 0, images: [], templateLabels: {} } as AnyRecord)],
      ['istiod poll', () => m.setControlPlanes('a', [{ revision: 'canary', namespace: 'istio-system', state: 'ok', version: '1.25.0', proxies: [], clusters: [], gateways: [] }])],
      ['source info', () => m.upsertCluster({ name: 'a', displayName: 'A', source: 'test', network: 'configured' }, view(Date.now()))],
    ];
    for (const [what, write] of writes) {
      const a = derived(m, 'a');
      const b = derived(m, 'b');
      expect(derived(m, 'a'), `a reused before the ${what} write`).toBe(a);
      write();
      expect(derived(m, 'a'), `a recomputed after the ${what} write`).not.toBe(a);
      expect(derived(m, 'b'), `b untouched by the ${what} write into a`).toBe(b);
    }
    const a = getCluster(m, ALL, 'a')!.data;
    expect(a).toMatchObject({
      displayName: 'A', network: 'configured', mesh: 'mesh-1', regions: ['eu', 'us'], zones: ['eu-a', 'us-a'],
      counts: { namespaces: 1, services: 1, pods: 2 + 1, nodes: 2, configObjects: 1 },
      controlPlanes: [{ revision: 'canary', version: '1.25.0' }, { revision: 'default', version: '1.24.1' }],
      remoteSecretCount: 1, remoteSecrets: [{ name: 'istio-remote-secret-b', clusters: ['b'] }],
    });
    expect(getCluster(m, ALL, 'b')!.data).toMatchObject({ counts: { pods: 2, nodes: 1 }, remoteSecretCount: 0, controlPlanes: [{ revision: 'default' }] });
  });

  it('follows istiod pods and east-west gateways as they come, change and go', () => {
    const m = fleet();
    m.apply('a', services, 'istio-system/eastwest', gateway('eastwest'));
    m.apply('a', services, 'istio-system/ingress', gateway('ingress', 'ingressgateway'));
    expect(getCluster(m, ALL, 'a')!.data.eastWestGateways.map((g) => g.name)).toEqual(['eastwest']);
    // Relabelled: no longer a gateway.
    m.apply('a', services, 'istio-system/eastwest', gateway('eastwest', 'ingressgateway'));
    expect(getCluster(m, ALL, 'a')!.data.eastWestGateways).toEqual([]);
    m.apply('a', services, 'istio-system/ingress', gateway('ingress'));
    m.apply('a', services, 'istio-system/eastwest', undefined);
    expect(getCluster(m, ALL, 'a')!.data.eastWestGateways.map((g) => g.name)).toEqual(['ingress']);

    m.apply('a', pods, 'istio-system/istiod-c', pod('istiod-c', { istio: 'pilot', 'istio.io/rev': 'canary' }, 'istiod-canary'));
    expect(getCluster(m, ALL, 'a')!.data.controlPlanes.map((c) => c.revision)).toEqual(['canary', 'default']);
    m.apply('a', pods, 'istio-system/istiod-1', undefined);
    // A pod whose labels no longer say istiod drops out of the index.
    m.apply('a', pods, 'istio-system/istiod-c', pod('istiod-c', { app: 'other' }, 'istiod-canary'));
    expect(getCluster(m, ALL, 'a')!.data.controlPlanes).toEqual([]);
    expect(m.cluster('a')!.store.istiodPods.size).toBe(0);
  });

  it('keeps the state part live: the data age moves with time without a write', () => {
    const m = fleet();
    const now = Date.now();
    const first = getCluster(m, ALL, 'a')!.data;
    const later = m.cluster('a')!.view.condition(now + 30_000).dataAgeSeconds;
    expect(later).toBeGreaterThanOrEqual(first.dataAgeSeconds + 29);
    // Summaries read the condition per call, so the list shows the later age while the derived part is reused.
    const regions = derived(m, 'a');
    const orig = Date.now;
    Date.now = () => now + 30_000;
    try {
      const list = getClusters(m, ALL).data.items.find((c) => c.name === 'a')!;
      expect(list.dataAgeSeconds).toBe(later);
      expect(list.regions).toBe(regions);
    } finally {
      Date.now = orig;
    }
  });

  it('lists remote secrets as a count; the detail has their names', () => {
    const m = fleet();
    m.apply('a', secrets, 'istio-system/istio-remote-secret-b', remoteSecret('b'));
    m.apply('a', secrets, 'istio-system/plain', { ...(remoteSecret('x') as object), name: 'plain', labels: {} } as AnyRecord);
    const item = getClusters(m, ALL).data.items.find((c) => c.name === 'a')!;
    expect(item.remoteSecretCount).toBe(1);
    expect('remoteSecrets' in item).toBe(false);
    expect(getCluster(m, ALL, 'a')!.data.remoteSecrets).toEqual([{ name: 'istio-remote-secret-b', clusters: ['b'] }]);
  });

  it('bumps the store revision only on writes that change something', () => {
    const m = fleet();
    const st = m.cluster('a')!.store;
    const r = st.revision;
    m.apply('a', pods, 'bookinfo/gone', undefined);
    expect(st.revision).toBe(r);
    m.apply('a', pods, 'bookinfo/r1', undefined);
    expect(st.revision).toBe(r + 1);
    m.replaceKind('a', nodes, new Map([['n1', { name: 'n1', region: 'eu', zone: 'eu-a' } as AnyRecord]]));
    expect(st.revision).toBe(r + 1);
  });
});

describe('workloads memo', () => {
  it('reuses a cluster workloads until a pod or Deployment of that cluster is written', () => {
    const m = fleet();
    const a = m.workloads('a');
    const b = m.workloads('b');
    expect(m.workloads('a')).toBe(a);
    expect(m.workloadPods('a', 'bookinfo', 'Deployment', 'reviews-v1')).toEqual(['r1']);

    m.apply('a', pods, 'bookinfo/r2', pod('r2'));
    expect(m.workloads('a')).not.toBe(a);
    expect(m.workloads('a').find((w) => w.name === 'reviews-v1')?.pods).toBe(2);
    expect([...m.workloadPods('a', 'bookinfo', 'Deployment', 'reviews-v1')].sort()).toEqual(['r1', 'r2']);
    expect(m.workloads('b')).toBe(b);

    const a2 = m.workloads('a');
    m.apply('a', pods, 'bookinfo/r2', pod('r2', undefined, undefined, false));
    expect(m.workloads('a').find((w) => w.name === 'reviews-v1')?.readyPods).toBe(1);
    expect(m.workloads('a')).not.toBe(a2);

    const a3 = m.workloads('a');
    m.apply('a', deployments, 'bookinfo/idle', { namespace: 'bookinfo', name: 'idle', labels: {}, replicas: 0, readyReplicas: 0, availableReplicas: 0, images: [], templateLabels: {} } as AnyRecord);
    expect(m.workloads('a')).not.toBe(a3);
    expect(m.workloads('a').map((w) => w.name).sort()).toEqual(['idle', 'istiod', 'reviews-v1']);

    // Writes that touch no workload keep the memo.
    const a4 = m.workloads('a');
    m.apply('a', nodes, 'n9', { name: 'n9' } as AnyRecord);
    m.apply('a', services, 'istio-system/eastwest', gateway('eastwest'));
    expect(m.workloads('a')).toBe(a4);
    expect(m.workloads('b')).toBe(b);
    expect(getWorkloads(m, ALL, { page: 1, pageSize: 50, cluster: 'a' }).data.items.flatMap((g) => g.workloads.map((w) => w.name)).sort()).toEqual(['idle', 'istiod', 'reviews-v1']);

    // Moving a pod between workloads updates both.
    m.apply('a', pods, 'bookinfo/r2', pod('r2', undefined, 'reviews-v2'));
    expect(m.workloadPods('a', 'bookinfo', 'Deployment', 'reviews-v1')).toEqual(['r1']);
    expect(m.workloadPods('a', 'bookinfo', 'Deployment', 'reviews-v2')).toEqual(['r2']);
  });

  it('forgets a removed cluster', () => {
    const m = fleet();
    expect(m.workloads('a').length).toBeGreaterThan(0);
    m.removeCluster('a');
    expect(m.workloads('a')).toEqual([]);
    expect(m.workloadPods('a', 'bookinfo', 'Deployment', 'reviews-v1')).toEqual([]);
    m.upsertCluster({ name: 'a', displayName: 'a', source: 'test' });
    expect(m.workloads('a')).toEqual([]);
  });
});

describe('scoped /services rows', () => {
  const scope = (...selectors: string[]): VisibilityScope => ({ kind: 'grants', grants: [{ workspace: 'w', role: 'viewer', selectors: selectors.map(parseSelector) }] });
  const svc = { namespace: 'bookinfo', name: 'reviews', type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [{ port: 80, protocol: 'TCP' }], labels: {}, externalAddresses: [] } as AnyRecord;
  const slice = (ready: number) => ({ namespace: 'bookinfo', name: 'reviews-x', service: 'reviews', ports: [], endpoints: Array.from({ length: ready }, () => ({ addresses: ['10.1.0.1'], ready: true })) }) as AnyRecord;
  const page = { page: 1, pageSize: 10, sort: 'name' as const };

  it('keeps a scope rows until the service changes, cut to the scope clusters', () => {
    const m = fleet();
    for (const c of ['a', 'b']) {
      m.apply(c, services, 'bookinfo/reviews', svc);
      m.apply(c, slices, 'bookinfo/reviews-x', slice(2));
    }
    const onlyA = scope('a/bookinfo');
    const first = getServices(m, onlyA, page).data.items;
    expect(first.map((r) => [r.name, r.clusters, r.endpoints.ready])).toEqual([['reviews', ['a'], 2]]);
    expect(getServices(m, onlyA, page).data.items[0]).toBe(first[0]);
    expect(getServices(m, ALL, page).data.items[0]?.endpoints.ready).toBe(4);

    m.apply('a', slices, 'bookinfo/reviews-x', slice(5));
    const after = getServices(m, onlyA, page).data.items[0]!;
    expect(after).not.toBe(first[0]);
    expect(after.endpoints.ready).toBe(5);
    // Another scope over the same fleet gets its own rows.
    expect(getServices(m, scope('*/bookinfo'), page).data.items[0]?.endpoints.ready).toBe(7);
    expect(getServices(m, scope('b/bookinfo'), page).data.items[0]?.clusters).toEqual(['b']);
    expect(getServices(m, scope('b/other'), page).data.total).toBe(0);
    m.apply('b', services, 'bookinfo/reviews', undefined);
    expect(getServices(m, scope('b/bookinfo'), page).data.total).toBe(0);
    expect(getServices(m, onlyA, { ...page, cluster: 'b' }).data.total).toBe(0);
  });

  it('keeps only the most recently used scopes', () => {
    const cache = new ScopedRowCache(2);
    let computed = 0;
    const rows = () => (computed++, []);
    cache.get('s1', 'k', rows);
    cache.get('s2', 'k', rows);
    cache.get('s1', 'k', rows);
    cache.get('s3', 'k', rows);
    expect(cache.scopes).toBe(2);
    expect(computed).toBe(3);
    cache.get('s1', 'k', rows);
    expect(computed).toBe(3);
    cache.get('s2', 'k', rows);
    expect(computed).toBe(4);
    cache.drop('k');
    cache.get('s2', 'k', rows);
    expect(computed).toBe(5);
  });
});
