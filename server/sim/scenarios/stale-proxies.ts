import { connectedProxies } from '../istiod/proxies';
import { nthCluster } from './helpers';
import type { Scenario } from './types';

/** The proxy ids of a cluster's injected pods in a namespace, sorted (stable picks). */
function proxiesIn(fleet: Parameters<Scenario['apply']>[0], cluster: string, namespace: string): string[] {
  const store = fleet.cluster(cluster).store;
  const ids: string[] = [];
  for (const istiod of store.list('v1', 'Pod', 'istio-system').filter((p) => p.metadata.labels?.app === 'istiod')) {
    for (const p of connectedProxies(store, istiod.metadata.name, istiod.metadata.labels?.['istio.io/rev'] ?? 'default')) {
      if (p.pod.metadata.namespace === namespace) ids.push(p.id);
    }
  }
  return ids.sort();
}

export const staleProxies: Scenario = {
  name: 'stale-proxies',
  summary: 'Some proxies are STALE or NOT SENT in /debug/syncz.',
  doc: 'In us-east-1, the first two bookinfo proxies (by name) report EDS STALE (acked nonce behind sent), and the second also RDS STALE; in us-west-2 the first sample proxy reports every type NOT SENT (empty nonces, as for a proxy that just connected). The fleet\'s proxy-status view lists those three proxies as not synced and their workloads turn degraded ("unsynced proxies"); everything else stays SYNCED. Telemetry is unchanged.',
  apply(fleet) {
    const first = nthCluster(fleet, 0);
    const firstNs = fleet.spec.namespaces.find((n) => n.cluster === first.name && n.revision)?.name ?? 'bookinfo';
    const bookinfo = proxiesIn(fleet, first.name, proxiesIn(fleet, first.name, 'bookinfo').length ? 'bookinfo' : firstNs);
    const [a, b] = bookinfo;
    if (a) first.syncFaults.set(a, { endpoint: 'STALE' });
    if (b) first.syncFaults.set(b, { endpoint: 'STALE', route: 'STALE' });
    const second = nthCluster(fleet, 1);
    const ns = proxiesIn(fleet, second.name, 'sample').length ? 'sample' : (fleet.spec.namespaces.find((n) => n.cluster === second.name && n.revision)?.name ?? 'sample');
    const c = proxiesIn(fleet, second.name, ns)[0];
    if (c) second.syncFaults.set(c, { cluster: 'NOT_SENT', listener: 'NOT_SENT', route: 'NOT_SENT', endpoint: 'NOT_SENT', extensionconfig: 'NOT_SENT' });
  },
  revert: () => undefined,
};
