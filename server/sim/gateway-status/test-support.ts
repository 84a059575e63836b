/** Hand-made clusters for the status tests: a store serving the Gateway API with a waypoint and an ingress Gateway. */
import { createClusterStore, type MemoryClusterStore } from '../kube/store';
import type { KubeObject } from '../kube/types';
import { installVendoredCrds } from '../kube/vendored-crds';

const ns = (name: string, labels: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } } });

export const svc = (namespace: string, name: string, labels: Record<string, string> = {}, extra: Partial<KubeObject> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace, labels },
  spec: { type: 'ClusterIP', clusterIP: `10.96.0.${name.length}`, clusterIPs: [`10.96.0.${name.length}`], ports: [{ name: 'http', port: 8080 }] },
  status: { loadBalancer: {} },
  ...extra,
});

export const deployment = (namespace: string, name: string): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace }, spec: { replicas: 1 }, status: { readyReplicas: 1 } });

export const gatewayPod = (namespace: string, name: string, gateway: string, ready = true): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels: { 'gateway.networking.k8s.io/gateway-name': gateway } },
  spec: { containers: [{ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.30.3' }] },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

export const route = (kind: 'HTTPRoute' | 'GRPCRoute', namespace: string, name: string, parentRefs: unknown[], backendRefs: unknown[]): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind,
  metadata: { name, namespace },
  spec: { parentRefs, rules: [{ backendRefs }] },
});

export const ingressParent = (sectionName = 'http') => ({ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'istio-ingress', sectionName });

export const grant = (): KubeObject => ({
  apiVersion: 'gateway.networking.k8s.io/v1beta1',
  kind: 'ReferenceGrant',
  metadata: { name: 'allow-ingress-routes', namespace: 'bookinfo' },
  spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'istio-ingress' }], to: [{ group: '', kind: 'Service' }] },
});

/**
 * An ambient namespace `shop` using waypoint shop/waypoint (Gateway, Deployment,
 * ready pod, Service), Services cart and inventory-db (opted out), an ingress
 * Gateway istio-ingress/public (class istio, LoadBalancer Service), bookinfo/productpage,
 * and the routes of the demo.
 */
export function shopStore(): MemoryClusterStore {
  const store = createClusterStore();
  installVendoredCrds(store);
  const objects: KubeObject[] = [
    ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' }),
    ns('istio-ingress'),
    ns('bookinfo'),
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'waypoint', namespace: 'shop', labels: { 'istio.io/waypoint-for': 'service' } },
      spec: { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
    },
    deployment('shop', 'waypoint'),
    gatewayPod('shop', 'waypoint-abc', 'waypoint'),
    svc('shop', 'waypoint', { 'gateway.istio.io/managed': 'istio.io-mesh-controller' }),
    svc('shop', 'cart'),
    svc('shop', 'storefront'),
    svc('shop', 'inventory-db', { 'istio.io/use-waypoint': 'none' }),
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'public', namespace: 'istio-ingress' },
      spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }] },
    },
    deployment('istio-ingress', 'public-istio'),
    gatewayPod('istio-ingress', 'public-istio-abc', 'public'),
    svc('istio-ingress', 'public-istio', {}, { status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } } }),
    svc('bookinfo', 'productpage'),
    route('HTTPRoute', 'shop', 'storefront', [ingressParent()], [{ name: 'storefront', port: 8080 }]),
    route('HTTPRoute', 'shop', 'cart', [{ group: '', kind: 'Service', name: 'cart', port: 8080 }], [{ name: 'cart', port: 8080 }]),
    route('HTTPRoute', 'istio-ingress', 'bookinfo', [ingressParent()], [{ name: 'productpage', namespace: 'bookinfo', port: 9080 }]),
    grant(),
  ];
  for (const o of objects) store.apply(o);
  return store;
}

type Cond = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; observedGeneration?: number };

/** A condition of a status (or undefined). */
export const cond = (status: unknown, type: string): Cond | undefined => ((status as { conditions?: Cond[] } | undefined)?.conditions ?? []).find((c) => c.type === type);

/** The conditions of a route's parent entry for `name`. */
export const parentCond = (status: unknown, name: string, type: string, sectionName?: string): Cond | undefined =>
  cond(((status as { parents?: Array<{ parentRef: { name: string; sectionName?: string }; conditions: Cond[] }> }).parents ?? []).find((p) => p.parentRef.name === name && (sectionName === undefined || p.parentRef.sectionName === sectionName)), type);
