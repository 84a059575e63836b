/** Shared setup for the integration tests: a CA, a server with Istio CRDs, and client-node KubeConfigs. */
import { KubeConfig } from '@kubernetes/client-node';
import { createCa } from '../pki';
import { startKubeApiServer } from './api-server';
import { kubeconfigFor } from './kubeconfig';
import { installVendoredCrds } from './vendored-crds';
import { createClusterStore, type MemoryClusterStore } from './store';
import type { KubeApiServer, KubeApiServerOptions, TokenSpec } from './types';

export const ADMIN = 'admin-token';
export const RESTRICTED = 'restricted-token';

export const TOKENS: TokenSpec[] = [
  { token: ADMIN, user: 'admin' },
  {
    token: RESTRICTED,
    user: 'team-a',
    rules: [{ resources: ['configmaps', 'services'], namespaces: ['team-a'], verbs: ['get', 'list', 'watch'] }],
  },
];

export interface TestCluster {
  store: MemoryClusterStore;
  server: KubeApiServer;
  kc(token?: string): KubeConfig;
}

/** Starts a cluster on a free port; call server.stop() when done. */
export async function startTestCluster(extra: Partial<KubeApiServerOptions> = {}, withCrds = false): Promise<TestCluster> {
  const ca = createCa('sim-test-ca');
  const store = createClusterStore();
  if (withCrds) installVendoredCrds(store);
  const server = await startKubeApiServer({
    clusterName: 'test',
    store,
    gitVersion: 'v1.33.5',
    tokens: TOKENS,
    tls: { caCertPem: ca.certPem, caKeyPem: ca.keyPem },
    port: 0,
    ...extra,
  });
  const kc = (token = ADMIN): KubeConfig => {
    const k = new KubeConfig();
    k.loadFromString(kubeconfigFor({ clusterName: 'test', url: server.url, caCertPem: server.caCertPem, token }));
    return k;
  };
  return { store, server, kc };
}

/** Resolves when `check` is true, polling every 20 ms; rejects after `ms`. */
export async function waitFor(check: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const configMap = (name: string, namespace = 'default', labels?: Record<string, string>, data: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, labels },
  data,
});
