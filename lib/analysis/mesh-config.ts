import type { ClusterView } from './types';

/**
 * The MeshConfig fields analyzers read, at Istio's defaults
 * (pkg/config/mesh DefaultMeshConfig): a source without the whole mesh config
 * reads as a default install.
 */
export const MESH_CONFIG_DEFAULTS: Readonly<Record<string, unknown>> = {
  ingressService: 'istio-ingressgateway',
  ingressControllerMode: 'STRICT',
  ingressClass: 'istio',
  trustDomain: 'cluster.local',
  enableAutoMtls: true,
  extensionProviders: [],
  defaultProviders: {},
};

/** The cluster's mesh config with Istio's defaults under it (rootNamespace defaults to the Istio namespace). */
export function meshConfigOf(c: ClusterView): Record<string, unknown> {
  return { ...MESH_CONFIG_DEFAULTS, rootNamespace: c.istioNamespace ?? 'istio-system', ...c.meshConfig };
}

/** Namespaces Istio's analysis never looks at (inject.IgnoredNamespaces). */
export const IGNORED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

/** The Istio namespace of a cluster. */
export function istioNamespaceOf(c: ClusterView): string {
  return c.istioNamespace ?? 'istio-system';
}
