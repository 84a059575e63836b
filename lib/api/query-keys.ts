import { parseChangeKey } from '../fleet/change-keys';
/**
 * The one react-query key factory. Keys are arrays whose first element is the
 * feature, so an SSE change key ('services/bookinfo/reviews') invalidates by
 * prefix: the feature's lists and the one detail it names.
 */
export const qk = {
  clusters: {
    all: ['clusters'] as const,
    list: () => ['clusters', 'list'] as const,
    detail: (name: string) => ['clusters', 'detail', name] as const,
  },
  services: {
    all: ['services'] as const,
    list: (params: object) => ['services', 'list', params] as const,
    detail: (namespace: string, name: string) => ['services', 'detail', namespace, name] as const,
  },
  identities: {
    all: ['identities'] as const,
    list: (params: object) => ['identities', 'list', params] as const,
    detail: (name: string) => ['identities', 'detail', name] as const,
  },
  workloads: { all: ['workloads'] as const, list: (params: object) => ['workloads', 'list', params] as const },
  controlPlanes: { all: ['controlplanes'] as const, list: (params: object) => ['controlplanes', 'list', params] as const },
  proxies: { all: ['proxies'] as const, list: (params: object) => ['proxies', 'list', params] as const },
  config: {
    all: ['config'] as const,
    list: (params: object) => ['config', 'list', params] as const,
    detail: (cluster: string, group: string, kind: string, namespace: string, name: string) => ['config', 'detail', cluster, group, kind, namespace, name] as const,
  },
  findings: { all: ['findings'] as const, list: (q: object) => ['findings', 'list', q] as const },
  /** Golden signals: one prefix invalidates every signal query. */
  telemetry: {
    all: ['telemetry'] as const,
    services: (p: object) => ['telemetry', 'services', p] as const,
    service: (namespace: string, name: string, p: object) => ['telemetry', 'service', namespace, name, p] as const,
    workloads: (p: object) => ['telemetry', 'workloads', p] as const,
    latency: (p: object) => ['telemetry', 'latency', p] as const,
    status: () => ['telemetry', 'status'] as const,
  },
  topology: { all: ['topology'] as const, graph: (p: object) => ['topology', p] as const },
  /** The change history; the `changes` change key invalidates it all. */
  changes: { all: ['changes'] as const, list: (p: object) => ['changes', 'list', p] as const, detail: (id: string) => ['changes', 'detail', id] as const },
  /** Who the browser is and what it may share; share-link changes invalidate `shareLinks`. */
  access: { me: ['auth', 'me'] as const, workspaces: ['workspaces'] as const, shareLinks: ['share-links'] as const },
};

/** The query-key prefixes a fleet change key invalidates. */
export function keysForChange(key: string): ReadonlyArray<readonly unknown[]> {
  const k = parseChangeKey(key);
  switch (k.kind) {
    case 'clusters':
    case 'meshes':
    case 'networks':
    case 'sources':
      return [qk.clusters.all];
    case 'identities':
      return k.name !== undefined ? [qk.identities.list({}).slice(0, 2), qk.identities.detail(k.name)] : [qk.identities.all];
    case 'services':
      return k.namespace !== undefined && k.name !== undefined ? [qk.services.list({}).slice(0, 2), qk.services.detail(k.namespace, k.name)] : [qk.services.all];
    case 'workloads':
      return [qk.workloads.all, qk.services.all, qk.identities.all];
    case 'controlplanes':
      return [qk.controlPlanes.all, qk.clusters.all];
    case 'proxies':
      return [qk.proxies.all, qk.controlPlanes.all];
    case 'config':
      return [qk.config.all];
    case 'namespaces':
      return [['namespaces']];
    case 'other':
      return [[k.key.split('/')[0] ?? '']];
  }
}
