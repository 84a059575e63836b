/** What the status computations read from one cluster's store, indexed once per pass. */
import { GATEWAY_NAME_LABEL } from '../../../lib/fleet/dataplane';
import type { ClusterStore, KubeObject } from '../kube/types';

export const GATEWAY_API = 'gateway.networking.k8s.io/v1';
/** ReferenceGrant is served at v1beta1 by every Gateway API release that has it (v1 only by recent ones). */
export const REFERENCE_GRANT_API = 'gateway.networking.k8s.io/v1beta1';
export const DOMAIN_SUFFIX = 'cluster.local';

type Labels = Readonly<Record<string, string>> | undefined;

/** Read-only lookups over a cluster's objects. */
export interface ClusterView {
  gateway(namespace: string, name: string): KubeObject | undefined;
  service(namespace: string, name: string): KubeObject | undefined;
  deployment(namespace: string, name: string): KubeObject | undefined;
  namespaceLabels(namespace: string): Labels;
  /** Pods labelled gateway.networking.k8s.io/gateway-name=<name> in the namespace. */
  gatewayPods(namespace: string, name: string): KubeObject[];
  referenceGrants(namespace: string): KubeObject[];
}

/** A view of the store as it is now; pod and grant indexes are built on first use (one view per pass). */
export function storeView(store: ClusterStore): ClusterView {
  let pods: Map<string, KubeObject[]> | undefined;
  let grants: Map<string, KubeObject[]> | undefined;
  const group = <T extends KubeObject>(items: T[], key: (o: T) => string | undefined) => {
    const m = new Map<string, T[]>();
    for (const o of items) {
      const k = key(o);
      if (k !== undefined) m.set(k, [...(m.get(k) ?? []), o]);
    }
    return m;
  };
  return {
    gateway: (ns, name) => store.get(GATEWAY_API, 'Gateway', ns, name),
    service: (ns, name) => store.get('v1', 'Service', ns, name),
    deployment: (ns, name) => store.get('apps/v1', 'Deployment', ns, name),
    namespaceLabels: (ns) => store.get('v1', 'Namespace', undefined, ns)?.metadata.labels,
    gatewayPods: (ns, name) => {
      pods ??= group(store.list('v1', 'Pod'), (p) => {
        const gw = p.metadata.labels?.[GATEWAY_NAME_LABEL];
        return gw === undefined ? undefined : `${p.metadata.namespace}/${gw}`;
      });
      return pods.get(`${ns}/${name}`) ?? [];
    },
    referenceGrants: (ns) => {
      grants ??= group(store.list(REFERENCE_GRANT_API, 'ReferenceGrant'), (g) => g.metadata.namespace);
      return grants.get(ns) ?? [];
    },
  };
}
