/** The fleet kubeconfig: one context per cluster (admin token) plus `<cluster>-restricted`. */
import { buildKubeconfig } from './kube/kubeconfig';

export interface KubeconfigCluster {
  name: string;
  url: string;
  adminToken: string;
  restrictedToken: string;
}

/** A multi-context kubeconfig (YAML) for the fleet; current-context is the first cluster. */
export function fleetKubeconfig(clusters: KubeconfigCluster[], caPem: string): string {
  return buildKubeconfig(
    caPem,
    clusters,
    clusters.flatMap((c) => [
      { name: c.name, cluster: c.name, user: `${c.name}-admin`, token: c.adminToken },
      { name: `${c.name}-restricted`, cluster: c.name, user: `${c.name}-restricted`, token: c.restrictedToken },
    ]),
  );
}
