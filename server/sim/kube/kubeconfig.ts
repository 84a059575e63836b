/** Builds the kubeconfig YAML clients use to reach simulated clusters. */
import { stringify } from 'yaml';

/** One context: which cluster, as which user, with which bearer token. */
export interface KubeconfigContext {
  name: string;
  cluster: string;
  user: string;
  token: string;
}

/**
 * A kubeconfig (YAML) with certificate-authority-data for every cluster and a
 * bearer token per user; current-context is the first context.
 */
export function buildKubeconfig(caPem: string, clusters: Array<{ name: string; url: string }>, contexts: KubeconfigContext[]): string {
  const ca = Buffer.from(caPem).toString('base64');
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: clusters.map((c) => ({ name: c.name, cluster: { server: c.url, 'certificate-authority-data': ca } })),
    users: contexts.map((c) => ({ name: c.user, user: { token: c.token } })),
    contexts: contexts.map((c) => ({ name: c.name, context: { cluster: c.cluster, user: c.user } })),
    'current-context': contexts[0]?.name ?? '',
    preferences: {},
  });
}

export interface KubeconfigInput {
  clusterName: string;
  url: string;
  caCertPem: string;
  token: string;
  user?: string;
}

/** A single-context kubeconfig; context name = cluster name. */
export function kubeconfigFor(c: KubeconfigInput): string {
  const user = c.user ?? `${c.clusterName}-user`;
  return buildKubeconfig(c.caCertPem, [{ name: c.clusterName, url: c.url }], [{ name: c.clusterName, cluster: c.clusterName, user, token: c.token }]);
}
