import 'server-only';
import type { FleetResponse } from '@/lib/api/envelope';
import type { ControlPlane } from '@/lib/fleet/controlplanes';
import { istiodPodsByRevision } from '../clusters/istiod-poller';
import type { ClusterEntry, FleetModel } from './model';
import { envelope } from './envelope';
import { allows, type VisibilityScope } from './scope';

/** The control planes of one cluster: one per istiod revision seen in pods or polled. */
export function clusterControlPlanes(e: ClusterEntry): ControlPlane[] {
  const byRev = istiodPodsByRevision(e.store.pods.values());
  const revisions = new Set([...byRev.keys(), ...e.controlPlanes.keys()]);
  const certs = [...e.store.rootCerts.values()];
  const fingerprints = new Set(certs.map((c) => c.fingerprint ?? c.error));
  const out: ControlPlane[] = [];
  for (const revision of [...revisions].sort()) {
    const pods = byRev.get(revision) ?? [];
    const poll = e.controlPlanes.get(revision);
    const namespace = poll?.namespace ?? pods[0]?.namespace ?? 'istio-system';
    const root = e.store.rootCerts.get(`${namespace}/istio-ca-root-cert`);
    const proxies = poll?.proxies ?? [];
    out.push({
      cluster: e.info.name,
      revision,
      namespace,
      version: poll?.version ?? pods[0]?.proxyVersion,
      pods: pods.map((p) => ({ name: p.name, ready: p.ready })).sort((a, b) => a.name.localeCompare(b.name)),
      rootCert: root ? { fingerprint: root.fingerprint, notAfter: root.notAfter, error: root.error } : undefined,
      rootCertConsistent: fingerprints.size <= 1,
      discoveredClusters: poll?.clusters ?? [],
      networkGateways: (poll?.gateways ?? []).map(({ network, cluster, address, port }) => ({ network, cluster, address, port })),
      proxies: {
        total: proxies.length,
        synced: proxies.filter((p) => p.overall === 'SYNCED').length,
        stale: proxies.filter((p) => p.overall === 'STALE').length,
        notSent: proxies.filter((p) => p.overall === 'NOT SENT').length,
      },
      poll: poll ? { state: poll.state, error: poll.error, lastPolledAt: poll.lastPolledAt } : { state: 'pending' },
    });
  }
  return out;
}

/** A control plane as a scoped caller may see it: the clusters it discovers and their gateways only where the caller sees them too. */
function scopedControlPlane(cp: ControlPlane, scope: VisibilityScope): ControlPlane {
  if (scope.kind === 'all') return cp;
  return { ...cp, discoveredClusters: cp.discoveredClusters.filter((c) => allows(scope, c.id)), networkGateways: cp.networkGateways.filter((g) => allows(scope, g.cluster)) };
}

/** GET /api/v1/controlplanes: every istiod revision of every visible cluster. */
export function getControlPlanes(model: FleetModel, scope: VisibilityScope, query: { cluster?: string }): FleetResponse<ControlPlane[]> {
  const items = model.clusters().filter((e) => allows(scope, e.info.name) && (!query.cluster || e.info.name === query.cluster)).flatMap(clusterControlPlanes);
  return envelope(model, scope, items.map((cp) => scopedControlPlane(cp, scope)));
}
