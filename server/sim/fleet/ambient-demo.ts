/**
 * The demo fleet's ambient and Gateway API part: the `shop` namespace in
 * ambient mode with its waypoint in us-east-1 and us-west-2, an ingress
 * Gateway of class istio, HTTPRoutes (ingress and GAMMA mesh routing with
 * weights), a GRPCRoute, and a ReferenceGrant for a cross-namespace backend.
 */
import type { KubeObject } from '../kube/types';
import { GATEWAY_API_VERSION, GATEWAY_CLASS_LABEL, GATEWAY_CONTROLLER_LABEL, GATEWAY_MANAGED_LABEL } from './ambient';
import type { FleetSpec, NamespaceSpec, ServiceSpec, TrafficEdgeSpec, WaypointSpec, WorkloadSpec } from './types';

export const SHOP = 'shop';
export const INGRESS_NAMESPACE = 'istio-ingress';
export const INGRESS_GATEWAY = 'public';
/** The clusters of the prod mesh that run the shop in ambient mode. */
export const SHOP_CLUSTERS = ['us-east-1', 'us-west-2'] as const;
/** Prod clusters with ztunnel installed (eu-central-1 has no ambient namespace yet). */
export const ZTUNNEL_CLUSTERS = ['us-east-1', 'us-west-2', 'eu-central-1'] as const;

type Parts = Pick<FleetSpec, 'namespaces' | 'services' | 'workloads' | 'edges' | 'extraObjects'> & { waypoints: WaypointSpec[] };

const shopWorkload = (cluster: string, name: string, app: string, version: string, port: number, replicas = 1, image = `ghcr.io/meshglass/${app}:1.0.${version.slice(1)}`): WorkloadSpec => ({
  cluster,
  namespace: SHOP,
  name,
  labels: { app, version },
  replicas,
  serviceAccount: app,
  image,
  containerPorts: [port],
});

const shopService = (name: string, selector: Record<string, string>, port: { name: string; port: number }, labels: Record<string, string> = {}): ServiceSpec => ({
  name,
  namespace: SHOP,
  clusters: [...SHOP_CLUSTERS],
  labels: { app: selector.app ?? name, ...labels },
  selector,
  ports: [port],
});

/** Adds the shop, its waypoints, the ingress Gateway and the routes to the demo's lists. */
export function addAmbientDemo(parts: Parts): void {
  const [east, west] = SHOP_CLUSTERS;
  for (const c of SHOP_CLUSTERS) {
    parts.namespaces.push({ cluster: c, name: SHOP, dataplane: 'ambient', labels: { 'istio.io/use-waypoint': 'waypoint' } } satisfies NamespaceSpec);
    parts.namespaces.push({ cluster: c, name: INGRESS_NAMESPACE });
    parts.waypoints.push({ cluster: c, namespace: SHOP, name: 'waypoint', for: 'service' });
    parts.workloads.push(shopWorkload(c, 'cart-v1', 'cart', 'v1', 8080));
    parts.workloads.push(ingressWorkload(c));
    for (const o of gatewayApiObjects()) parts.extraObjects.push({ cluster: c, object: structuredClone(o) });
  }
  parts.workloads.push(
    shopWorkload(east, 'storefront-v1', 'storefront', 'v1', 8080, 2),
    shopWorkload(east, 'cart-v2', 'cart', 'v2', 8080),
    shopWorkload(east, 'inventory-db', 'inventory-db', 'v15', 5432, 1, 'postgres:15'),
    shopWorkload(west, 'pricing-v1', 'pricing', 'v1', 9090),
  );
  parts.services.push(
    shopService('storefront', { app: 'storefront' }, { name: 'http', port: 8080 }),
    shopService('cart', { app: 'cart' }, { name: 'http', port: 8080 }),
    shopService('cart-v1', { app: 'cart', version: 'v1' }, { name: 'http', port: 8080 }),
    shopService('cart-v2', { app: 'cart', version: 'v2' }, { name: 'http', port: 8080 }),
    shopService('pricing', { app: 'pricing' }, { name: 'grpc', port: 9090 }),
    // A database reached at L4 only: opted out of the namespace's waypoint.
    shopService('inventory-db', { app: 'inventory-db' }, { name: 'tcp-postgres', port: 5432 }, { 'istio.io/use-waypoint': 'none' }),
  );
  for (const [i, c] of SHOP_CLUSTERS.entries()) {
    parts.services.push({
      name: `${INGRESS_GATEWAY}-istio`,
      namespace: INGRESS_NAMESPACE,
      clusters: [c],
      labels: ingressLabels(),
      selector: { 'gateway.networking.k8s.io/gateway-name': INGRESS_GATEWAY },
      ports: [{ name: 'status-port', port: 15021 }, { name: 'http', port: 80 }],
      loadBalancerIp: `203.0.113.${10 * (i + 1)}`,
    });
  }
  parts.edges.push(...ambientEdges());
}

function ingressLabels(): Record<string, string> {
  return { 'gateway.networking.k8s.io/gateway-name': INGRESS_GATEWAY, [GATEWAY_CLASS_LABEL]: 'istio', [GATEWAY_MANAGED_LABEL]: GATEWAY_CONTROLLER_LABEL };
}

/** The Deployment istiod runs for the ingress Gateway `public` (its name: <gateway>-<class>). */
function ingressWorkload(cluster: string): WorkloadSpec {
  return {
    cluster,
    namespace: INGRESS_NAMESPACE,
    name: `${INGRESS_GATEWAY}-istio`,
    labels: { ...ingressLabels(), 'sidecar.istio.io/inject': 'false', 'service.istio.io/canonical-name': `${INGRESS_GATEWAY}-istio`, 'service.istio.io/canonical-revision': 'latest' },
    deploymentLabels: ingressLabels(),
    selector: { 'gateway.networking.k8s.io/gateway-name': INGRESS_GATEWAY },
    replicas: 1,
    serviceAccount: `${INGRESS_GATEWAY}-istio`,
    image: 'docker.io/istio/proxyv2:1.30.3',
    containerPorts: [80, 15021, 15090],
    proxyMode: 'router',
  };
}

const parentGateway = { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: INGRESS_GATEWAY, namespace: INGRESS_NAMESPACE, sectionName: 'http' };

/** Gateway API objects of one prod cluster (status is written by the simulator's status controller). */
export function gatewayApiObjects(): KubeObject[] {
  const route = (kind: 'HTTPRoute' | 'GRPCRoute', namespace: string, name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: GATEWAY_API_VERSION, kind, metadata: { name, namespace }, spec });
  return [
    {
      apiVersion: GATEWAY_API_VERSION,
      kind: 'Gateway',
      metadata: { name: INGRESS_GATEWAY, namespace: INGRESS_NAMESPACE },
      spec: { gatewayClassName: 'istio', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } }] },
    },
    route('HTTPRoute', SHOP, 'storefront', {
      parentRefs: [parentGateway],
      hostnames: ['shop.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'storefront', port: 8080 }] }],
    }),
    // GAMMA: a Service as the parent routes mesh traffic to cart, 90/10 by version.
    route('HTTPRoute', SHOP, 'cart', {
      parentRefs: [{ group: '', kind: 'Service', name: 'cart', port: 8080 }],
      rules: [{ backendRefs: [{ name: 'cart-v1', port: 8080, weight: 90 }, { name: 'cart-v2', port: 8080, weight: 10 }] }],
    }),
    route('GRPCRoute', SHOP, 'pricing', {
      parentRefs: [{ group: '', kind: 'Service', name: 'pricing', port: 9090 }],
      rules: [{ backendRefs: [{ name: 'pricing', port: 9090 }] }],
    }),
    route('HTTPRoute', INGRESS_NAMESPACE, 'bookinfo', {
      parentRefs: [parentGateway],
      hostnames: ['bookinfo.example.com'],
      rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/productpage' } }], backendRefs: [{ name: 'productpage', namespace: 'bookinfo', port: 9080 }] }],
    }),
    {
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'allow-ingress-routes', namespace: 'bookinfo' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: INGRESS_NAMESPACE }], to: [{ group: '', kind: 'Service' }] },
    },
  ];
}

const ref = (cluster: string, namespace: string, workload: string) => ({ cluster, namespace, workload });
const to = (cluster: string, namespace: string, workload: string, service: string) => ({ cluster, namespace, workload, service });

/** Traffic into and inside the shop: ingress and a sidecar client, L7 through the waypoint, gRPC, and L4 to the database. */
function ambientEdges(): TrafficEdgeSpec[] {
  const [e, w] = SHOP_CLUSTERS;
  const http = (source: TrafficEdgeSpec['source'], destination: TrafficEdgeSpec['destination'], rps: number, over: Partial<TrafficEdgeSpec> = {}): TrafficEdgeSpec => ({
    source, destination, protocol: 'http', rps, latency: { p50Ms: 6, p99Ms: 40 }, requestBytes: 380, responseBytes: 3100, ...over,
  });
  return [
    http(ref(e, INGRESS_NAMESPACE, `${INGRESS_GATEWAY}-istio`), to(e, SHOP, 'storefront-v1', 'storefront'), 20, { latency: { p50Ms: 30, p99Ms: 180 } }),
    http(ref(e, 'sample', 'sleep'), to(e, SHOP, 'storefront-v1', 'storefront'), 2, { latency: { p50Ms: 30, p99Ms: 180 } }),
    http(ref(e, SHOP, 'storefront-v1'), to(e, SHOP, 'cart-v1', 'cart'), 13.5),
    http(ref(e, SHOP, 'storefront-v1'), to(e, SHOP, 'cart-v2', 'cart'), 1.5),
    http(ref(e, SHOP, 'storefront-v1'), to(w, SHOP, 'cart-v1', 'cart'), 5, { latency: { p50Ms: 66, p99Ms: 130 } }),
    http(ref(w, SHOP, 'cart-v1'), to(w, SHOP, 'pricing-v1', 'pricing'), 6, { protocol: 'grpc', latency: { p50Ms: 4, p99Ms: 25 } }),
    { source: ref(e, SHOP, 'cart-v1'), destination: to(e, SHOP, 'inventory-db', 'inventory-db'), protocol: 'tcp', rps: 3, tcpSentBytes: 1200, tcpReceivedBytes: 6400 },
  ];
}
