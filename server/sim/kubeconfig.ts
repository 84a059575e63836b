/** The fleet kubeconfig: one context per cluster (admin token) plus `<cluster>-restricted`. */
import { stringify } from 'yaml';

export interface KubeconfigCluster {
  name: string;
  url: string;
  adminToken: string;
  restrictedToken: string;
}

/** A multi-context kubeconfig (YAML) for the fleet; current-context is the first cluster. */
export function fleetKubeconfig(clusters: KubeconfigCluster[], caPem: string): string {
  const ca = Buffer.from(caPem).toString('base64');
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: clusters.map((c) => ({ name: c.name, cluster: { server: c.url, 'certificate-authority-data': ca } })),
    users: clusters.flatMap((c) => [
      { name: `${c.name}-admin`, user: { token: c.adminToken } },
      { name: `${c.name}-restricted`, user: { token: c.restrictedToken } },
    ]),
    contexts: clusters.flatMap((c) => [
      { name: c.name, context: { cluster: c.name, user: `${c.name}-admin` } },
      { name: `${c.name}-restricted`, context: { cluster: c.name, user: `${c.name}-restricted` } },
    ]),
    'current-context': clusters[0]?.name ?? '',
    preferences: {},
  });
}
