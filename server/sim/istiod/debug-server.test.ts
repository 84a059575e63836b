import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCluster, FleetIndex } from '../fleet/build-cluster';
import { demoFleet } from '../fleet/demo-fleet';
import { remoteSecret } from '../fleet/istio-system';
import { installVendoredCrds } from '../kube/vendored-crds';
import { createClusterStore } from '../kube/store';
import type { ClusterStore } from '../kube/types';
import { createIstiodDebugServer } from './debug-server';
import type { SyncFaults } from './proxies';

const fleet = demoFleet();
const index = new FleetIndex(fleet);
const stores = new Map<string, ClusterStore>();
for (const c of fleet.clusters) {
  const store = createClusterStore();
  installVendoredCrds(store);
  for (const o of buildCluster(index, c.name, { roots: { prod: 'P', staging: 'S' }, apiCaPem: 'CA' }).objects) store.apply(o);
  stores.set(c.name, store);
}
const west = stores.get('us-west-2') as ClusterStore;
for (const peer of ['us-east-1', 'eu-central-1']) west.apply(remoteSecret({ cluster: peer, url: 'https://127.0.0.1:1', token: 't' }, 'CA'));
const faults: SyncFaults = new Map();
const servers: Server[] = [];
const urls = new Map<string, string>();

beforeAll(async () => {
  for (const pod of west.list('v1', 'Pod', 'istio-system').filter((p) => p.metadata.labels?.app === 'istiod')) {
    const server = createIstiodDebugServer({
      cluster: 'us-west-2',
      podName: pod.metadata.name,
      revision: pod.metadata.labels?.['istio.io/rev'] ?? '',
      store: west,
      nonceBase: '2024-05-01T10:00:00Z',
      peer: (id) => (id === 'us-east-1' ? { store: stores.get(id) as ClusterStore, syncStatus: 'synced' } : { store: stores.get(id) as ClusterStore, syncStatus: 'timeout' }),
      syncFaults: faults,
      trustDomain: 'cluster.local',
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    urls.set(pod.metadata.labels?.['istio.io/rev'] ?? '', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

const get = async (rev: string, path: string) => {
  const res = await fetch(`${urls.get(rev)}${path}`);
  expect(res.status).toBe(200);
  return res;
};

describe('istiod debug server', () => {
  it('serves /version as plain text', async () => {
    expect(await (await get('default', '/version')).text()).toMatch(/^1\.30\.3-/);
    expect(await (await get('1-31-canary', '/version')).text()).toMatch(/^1\.31\.0-/);
  });

  it('lists the proxies of its revision in /debug/syncz, SYNCED unless faulted', async () => {
    const canary = (await (await get('1-31-canary', '/debug/syncz')).json()) as Array<Record<string, string>>;
    expect(canary.map((p) => p.proxy).every((id) => id?.endsWith('.sample'))).toBe(true);
    expect(canary.length).toBe(3); // helloworld-v2, sleep, greeting
    const def = (await (await get('default', '/debug/syncz')).json()) as Array<Record<string, string>>;
    expect(def.some((p) => p.proxy_type === 'router')).toBe(true);
    for (const p of def) expect(p.cluster_acked).toBe(p.cluster_sent);
    const victim = def[0]?.proxy ?? '';
    faults.set(victim, { endpoint: 'STALE', route: 'NOT_SENT' });
    const again = (await (await get('default', '/debug/syncz')).json()) as Array<Record<string, string>>;
    const v = again.find((p) => p.proxy === victim);
    expect(v?.endpoint_sent).not.toBe(v?.endpoint_acked);
    expect(v?.route_sent).toBe('');
    expect(v?.cluster_sent).toMatch(/^2024-05-01T10:00:00Z\/\d+$/);
    faults.clear();
  });

  it('renders an answer again only when the cluster has changed', async () => {
    const first = await (await get('default', '/debug/syncz')).text();
    expect(await (await get('default', '/debug/syncz')).text()).toBe(first);
    west.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'push-trigger', namespace: 'istio-system' }, data: { at: 'now' } });
    const after = (await (await get('default', '/debug/syncz')).json()) as Array<Record<string, string>>;
    expect(after[0]?.cluster_sent).toBe(`2024-05-01T10:00:00Z/${west.resourceVersion}`);
    expect(JSON.stringify(after, null, 1)).not.toBe(first);
  });

  it('reports remote clusters, gateways and the registry', async () => {
    const clusterz = (await (await get('default', '/debug/clusterz')).json()) as Array<Record<string, string>>;
    expect(clusterz[0]).toEqual({ id: 'us-west-2', secretName: '', syncStatus: 'synced' });
    expect(clusterz.length).toBe(3);
    expect(clusterz).toEqual(expect.arrayContaining([
      { id: 'us-east-1', secretName: 'istio-system/istio-remote-secret-us-east-1', syncStatus: 'synced' },
      { id: 'eu-central-1', secretName: 'istio-system/istio-remote-secret-eu-central-1', syncStatus: 'timeout' },
    ]));
    const networkz = (await (await get('default', '/debug/networkz')).json()) as Array<Record<string, unknown>>;
    expect(networkz.map((n) => n.Network).sort()).toEqual(['network-us-east-1', 'network-us-west-2']);
    const registryz = (await (await get('default', '/debug/registryz')).json()) as Array<{ hostname: string; clusterVIPs: { Addresses: Record<string, string[]> } }>;
    const reviews = registryz.find((s) => s.hostname === 'reviews.bookinfo.svc.cluster.local');
    expect(Object.keys(reviews?.clusterVIPs.Addresses ?? {}).sort()).toEqual(['us-east-1', 'us-west-2']);
    const conns = (await (await get('default', '/debug/connections')).json()) as { totalClients: number };
    expect(conns.totalClients).toBeGreaterThan(0);
  });
});
