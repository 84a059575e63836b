import { describe, expect, it } from 'vitest';
import { builtinKinds, type AnyRecord } from '../clusters/kinds';
import type { ProxySyncSummary } from '../istiod/syncz';
import { FleetModel } from './model';

const [namespaces, services, slices, pods] = builtinKinds();
const svc = { namespace: 'bookinfo', name: 'reviews', type: 'ClusterIP', clusterIP: '10.0.0.1', ports: [{ port: 80, protocol: 'TCP' }], labels: {}, externalAddresses: [] };
const slice = { namespace: 'bookinfo', name: 'reviews-x', service: 'reviews', ports: [], endpoints: [{ addresses: ['10.1.0.1'], ready: true, pod: 'r1' }, { addresses: ['10.1.0.2'], ready: true, pod: 'r2' }] };
const pod = (name: string) => ({ namespace: 'bookinfo', name, labels: { app: 'reviews', version: 'v1' }, phase: 'Running', ready: true, workload: { kind: 'Deployment', name: 'reviews-v1' }, hasProxy: true, proxyVersion: '1.24.1', annotations: {} });
const proxy = (p: string, cluster: string, overall: ProxySyncSummary['overall']): ProxySyncSummary =>
  ({ proxy: `${p}.bookinfo`, pod: p, namespace: 'bookinfo', cluster, cds: overall, lds: overall, eds: overall, rds: overall, ecds: overall, overall });

function model(): FleetModel {
  const m = new FleetModel();
  for (const c of ['a', 'b']) m.upsertCluster({ name: c, displayName: c, source: 'test' });
  m.apply('a', services!, 'bookinfo/reviews', svc as AnyRecord);
  m.apply('a', pods!, 'bookinfo/r1', pod('r1') as AnyRecord);
  m.apply('a', pods!, 'bookinfo/r2', pod('r2') as AnyRecord);
  m.apply('a', slices!, 'bookinfo/reviews-x', slice as AnyRecord);
  return m;
}

describe('FleetModel read API', () => {
  it('memoises service instances until the service key is touched', () => {
    const m = model();
    const first = m.serviceInstances('bookinfo/reviews');
    expect([...first.keys()]).toEqual(['a']);
    expect(first.get('a')?.endpoints.ready).toBe(2);
    expect(m.serviceInstances('bookinfo/reviews')).toBe(first);
    m.apply('a', pods!, 'bookinfo/r2', undefined);
    expect(m.serviceInstances('bookinfo/reviews')).not.toBe(first);
    expect(m.serviceInstances('nope/nothing').size).toBe(0);
  });

  it('gives pods per workload and per service instance, and unsynced proxies from the istiod polls', () => {
    const m = model();
    expect([...m.workloadPods('a', 'bookinfo', 'Deployment', 'reviews-v1')].sort()).toEqual(['r1', 'r2']);
    expect(m.instancePods('a', 'bookinfo', 'reviews').sort()).toEqual(['r1', 'r2']);
    expect(m.workloads('a').map((w) => w.name)).toEqual(['reviews-v1']);
    expect(m.unsyncedProxies('a', 'bookinfo', ['r1', 'r2'])).toBe(0);
    // A primary in b reports a proxy of cluster a as STALE: counted for a.
    m.setControlPlanes('b', [{ revision: 'default', namespace: 'istio-system', state: 'ok', proxies: [proxy('r1', 'a', 'STALE'), proxy('r2', 'a', 'SYNCED')], clusters: [], gateways: [] }]);
    expect(m.unsyncedProxies('a', 'bookinfo', ['r1', 'r2'])).toBe(1);
    m.setControlPlanes('b', []);
    expect(m.unsyncedProxies('a', 'bookinfo', ['r1', 'r2'])).toBe(0);
  });

  it('takes the network from the config, else the istio-system label, else istiod gateways', () => {
    const m = model();
    expect(m.network('a')).toBeUndefined();
    m.setControlPlanes('b', [{ revision: 'default', namespace: 'istio-system', state: 'ok', proxies: [], clusters: [], gateways: [{ network: 'net-gw', cluster: 'a', address: '1.2.3.4', port: 15443 }] }]);
    expect(m.network('a')).toBe('net-gw');
    m.apply('a', namespaces!, 'istio-system', { name: 'istio-system', labels: { 'topology.istio.io/network': 'net-a' } } as AnyRecord);
    expect(m.network('a')).toBe('net-a');
    m.upsertCluster({ name: 'a', displayName: 'a', source: 'test', network: 'configured' });
    expect(m.network('a')).toBe('configured');
  });
});
