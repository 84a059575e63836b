import { ref } from '../../finding';
import type { ClusterView, ObjectRef, SecretView } from '../../types';

export const ISTIO_SYSTEM = 'istio-system';

/** istiod's Deployment for a revision. */
export const istiodRef = (cluster: string, revision: string, namespace = ISTIO_SYSTEM): ObjectRef =>
  ref(cluster, 'Deployment', namespace, revision === 'default' ? 'istiod' : `istiod-${revision}`);

/** The cluster itself as the object of a finding. */
export const clusterRef = (cluster: string): ObjectRef => ref(cluster, 'Cluster', '', cluster);

/** Remote secrets of a cluster (label istio/multiCluster=true). */
export function remoteSecrets(c: ClusterView): SecretView[] {
  return [...c.secrets].filter((s) => s.labels['istio/multiCluster'] === 'true');
}

/** Whether some istiod of the cluster answered its debug endpoints, so what they list can be trusted. */
export function polled(c: ClusterView): boolean {
  return [...c.controlPlanes].some((cp) => cp.state === 'ok');
}

/** The clusters a cluster's control planes read: remote secret keys and clusterz ids, without itself. */
export function readsOf(c: ClusterView): Set<string> {
  const out = new Set<string>();
  for (const s of remoteSecrets(c)) for (const k of s.dataKeys) out.add(k);
  for (const cp of c.controlPlanes) if (cp.state === 'ok') for (const d of cp.clusters) out.add(d.id);
  out.delete(c.name);
  return out;
}

/** Whether a cluster runs a control plane (primary), as opposed to a remote cluster. */
export function isPrimary(c: ClusterView): boolean {
  return [...c.controlPlanes].length > 0;
}

/** Shortened fingerprint for messages ('AB:CD:EF:01…'). */
export const shortFp = (fp: string): string => (fp.length > 11 ? `${fp.slice(0, 11)}…` : fp);
