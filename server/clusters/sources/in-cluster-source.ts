import 'server-only';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterCandidate, ClusterSource, SourceHealth } from './types';

/** Where a pod finds its service account (client-node reads the same paths). */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

export interface InClusterOptions {
  /** The home cluster's name in Meshglass (istiod's cluster ID, so remote secrets elsewhere name it alike). */
  name: string;
  displayName?: string;
  mesh?: string;
  network?: string;
  /** Prefix of the service-account paths (tests write the files under a temporary folder). */
  pathPrefix?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The home cluster, reached as a pod reaches its API server: the service
 * account's token (re-read from its file, as projected tokens rotate) and CA,
 * at KUBERNETES_SERVICE_HOST:PORT. Outside a pod it says why, in state error.
 */
export function inClusterKubeConfig(opts: Pick<InClusterOptions, 'pathPrefix' | 'env'> = {}): KubeConfig | { error: string } {
  const env = opts.env ?? process.env;
  const prefix = opts.pathPrefix ?? '';
  if (!env.KUBERNETES_SERVICE_HOST || !env.KUBERNETES_SERVICE_PORT) return { error: 'not running in a pod: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set' };
  for (const f of ['token', 'ca.crt']) {
    if (!existsSync(`${prefix}${SERVICE_ACCOUNT_DIR}/${f}`)) return { error: `no service account mounted: ${prefix}${SERVICE_ACCOUNT_DIR}/${f} is missing (automountServiceAccountToken off?)` };
  }
  const host = env.KUBERNETES_SERVICE_HOST;
  // The same cluster and user client-node's loadFromCluster() builds, from the given environment rather than process.env.
  const server = `https://${isIPv6(host) ? `[${host}]` : host}:${env.KUBERNETES_SERVICE_PORT}`;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'in-cluster', server, caFile: `${prefix}${SERVICE_ACCOUNT_DIR}/ca.crt`, skipTLSVerify: false }],
    users: [{ name: 'in-cluster', authProvider: { name: 'tokenFile', config: { tokenFile: `${prefix}${SERVICE_ACCOUNT_DIR}/token` } } }],
    contexts: [{ name: 'in-cluster', cluster: 'in-cluster', user: 'in-cluster' }],
    currentContext: 'in-cluster',
  });
  return kc;
}

/** One cluster: the one Meshglass runs in. */
export class InClusterSource implements ClusterSource {
  readonly id: string;
  private health: SourceHealth;

  constructor(private readonly opts: InClusterOptions) {
    this.id = `in-cluster:${opts.name}`;
    this.health = { id: this.id, kind: 'in-cluster', state: 'syncing' };
  }

  status(): SourceHealth {
    return this.health;
  }

  async start(onChange: (clusters: ClusterCandidate[]) => void): Promise<void> {
    const kubeConfig = inClusterKubeConfig(this.opts);
    this.health = 'error' in kubeConfig ? { id: this.id, kind: 'in-cluster', state: 'error', reason: kubeConfig.error } : { id: this.id, kind: 'in-cluster', state: 'ok' };
    // The token rotates in its file and is re-read per request; only the endpoint and CA make a new connection.
    const server = 'error' in kubeConfig ? kubeConfig.error : (kubeConfig.getCurrentCluster()?.server ?? '');
    const o = this.opts;
    onChange([{
      name: o.name,
      displayName: o.displayName ?? o.name,
      source: this.id,
      ...(o.mesh ? { mesh: o.mesh } : {}),
      ...(o.network ? { network: o.network } : {}),
      kubeConfig,
      fingerprint: createHash('sha256').update(server).digest('hex'),
    }]);
  }

  stop(): void {}
}
