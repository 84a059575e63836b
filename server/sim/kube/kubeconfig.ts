/** Builds the kubeconfig YAML a client uses to reach a simulated cluster. */
import { stringify } from 'yaml';

export interface KubeconfigInput {
  clusterName: string;
  url: string;
  caCertPem: string;
  token: string;
  user?: string;
}

/** A single-context kubeconfig (YAML) with certificate-authority-data and a bearer token; context name = cluster name. */
export function kubeconfigFor(c: KubeconfigInput): string {
  const user = c.user ?? `${c.clusterName}-user`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: c.clusterName, cluster: { server: c.url, 'certificate-authority-data': Buffer.from(c.caCertPem).toString('base64') } }],
    users: [{ name: user, user: { token: c.token } }],
    contexts: [{ name: c.clusterName, context: { cluster: c.clusterName, user } }],
    'current-context': c.clusterName,
  });
}
