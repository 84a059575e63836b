/** Which proxies an istiod pod serves and their xDS sync state, derived from the cluster's store. */
import type { ClusterStore, KubeObject } from '../kube/types';

export type XdsType = 'cluster' | 'listener' | 'route' | 'endpoint' | 'extensionconfig';
export const XDS_TYPES: XdsType[] = ['cluster', 'listener', 'route', 'endpoint', 'extensionconfig'];
export const TYPE_URLS: Record<XdsType, string> = {
  cluster: 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
  listener: 'type.googleapis.com/envoy.config.listener.v3.Listener',
  route: 'type.googleapis.com/envoy.config.route.v3.RouteConfiguration',
  endpoint: 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
  extensionconfig: 'type.googleapis.com/envoy.config.core.v3.TypedExtensionConfig',
};

/** Per-proxy sync faults injected by scenarios ('proxy' is `<pod>.<namespace>`). */
export type SyncFaults = Map<string, Partial<Record<XdsType, 'STALE' | 'NOT_SENT'>>>;

export interface ConnectedProxy {
  id: string;
  pod: KubeObject;
  type: 'sidecar' | 'router';
  version: string;
  ip: string;
}

interface PodSpecShape {
  containers?: Array<{ name: string; image: string }>;
}

const tagOf = (image: string | undefined): string => image?.split(':').pop() ?? 'unknown';

/** The Istio version of a pod's proxy (from the proxyv2 image tag), or undefined if it has none. */
export function proxyOf(pod: KubeObject): { type: 'sidecar' | 'router'; version: string } | undefined {
  const containers = (pod.spec as PodSpecShape | undefined)?.containers ?? [];
  const proxy = containers.find((c) => c.name === 'istio-proxy');
  if (!proxy) return undefined;
  return { type: containers[0]?.name === 'istio-proxy' ? 'router' : 'sidecar', version: tagOf(proxy.image) };
}

/** The istiod version running in a pod (from the pilot image tag). */
export const istiodVersionOf = (pod: KubeObject | undefined): string => tagOf((pod?.spec as PodSpecShape | undefined)?.containers?.[0]?.image);

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Proxies connected to `istiodPod`: running pods of its revision, spread over the revision's replicas by a stable hash. */
export function connectedProxies(store: ClusterStore, istiodPod: string, revision: string): ConnectedProxy[] {
  const replicas = store
    .list('v1', 'Pod', 'istio-system')
    .filter((p) => p.metadata.labels?.app === 'istiod' && p.metadata.labels['istio.io/rev'] === revision)
    .map((p) => p.metadata.name)
    .sort();
  const me = replicas.indexOf(istiodPod);
  if (me < 0) return [];
  const out: ConnectedProxy[] = [];
  for (const pod of store.list('v1', 'Pod')) {
    if ((pod.metadata.labels?.['istio.io/rev'] ?? '') !== revision) continue;
    if ((pod.status as { phase?: string } | undefined)?.phase !== 'Running') continue;
    const proxy = proxyOf(pod);
    if (!proxy) continue;
    const id = `${pod.metadata.name}.${pod.metadata.namespace}`;
    if (hash(id) % replicas.length !== me) continue;
    out.push({ id, pod, type: proxy.type, version: proxy.version, ip: (pod.status as { podIP?: string }).podIP ?? '' });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
