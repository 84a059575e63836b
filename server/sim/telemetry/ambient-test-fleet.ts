/**
 * A two-cluster fleet for the ambient telemetry tests, built like the demo's
 * shop namespace (contract of issue 17) but small and owned by these tests:
 * ambient `shop` with waypoint shop/waypoint in both clusters, a sidecar
 * `sample` namespace, and one edge per reporting case. No ztunnel pods: the
 * telemetry reads pods' redirection, not ztunnel's.
 */
import { buildStores as buildStoresOf } from '../fleet/build-stores';
import type { FleetSpec, TrafficEdgeSpec, WorkloadSpec } from '../fleet/types';
import type { MemoryClusterStore } from '../kube/store';
import type { KubeObject } from '../kube/types';

export const EAST = 'east';
export const WEST = 'west';
const REDIRECTED = { 'ambient.istio.io/redirection': 'enabled' };

function app(cluster: string, namespace: string, name: string, labels: Record<string, string>, extra: Partial<WorkloadSpec> = {}): WorkloadSpec {
  return { cluster, namespace, name, labels, replicas: 1, serviceAccount: labels.app ?? name, image: `example/${name}:1`, containerPorts: [8080], ...extra };
}

/** The waypoint's Deployment as istiod deploys it: the pod runs proxyv2 as a gateway ("router") proxy. */
function waypoint(cluster: string): WorkloadSpec {
  return app(cluster, 'shop', 'waypoint', { 'gateway.networking.k8s.io/gateway-name': 'waypoint', 'gateway.istio.io/managed': 'istio.io-mesh-controller', 'istio.io/dataplane-mode': 'none', 'service.istio.io/canonical-name': 'waypoint' }, {
    proxyMode: 'router',
    serviceAccount: 'waypoint',
    image: 'docker.io/istio/proxyv2:1.30.3',
    containerPorts: [15008, 15021],
    selector: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' },
  });
}

const gateway = (cluster: string): { cluster: string; object: KubeObject } => ({
  cluster,
  object: {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name: 'waypoint', namespace: 'shop', labels: { 'istio.io/waypoint-for': 'service' } },
    spec: { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] },
  },
});

const edge = (source: [string, string, string], destination: [string, string, string, string], protocol: TrafficEdgeSpec['protocol'], rps: number): TrafficEdgeSpec => ({
  source: { cluster: source[0], namespace: source[1], workload: source[2] },
  destination: { cluster: destination[0], namespace: destination[1], workload: destination[2], service: destination[3] },
  protocol,
  rps,
  requestBytes: 500,
  responseBytes: 3000,
  ...(protocol === 'tcp' ? { tcpSentBytes: 2000, tcpReceivedBytes: 800 } : {}),
});

/** The edges, one per reporting case. */
export const EDGES = {
  /** ambient → ambient through the waypoint (same cluster). */
  ambientViaWaypoint: edge([EAST, 'shop', 'storefront-v1'], [EAST, 'shop', 'cart-v1', 'cart'], 'http', 10),
  /** ambient → ambient through the source cluster's waypoint, server in the other cluster. */
  crossCluster: edge([EAST, 'shop', 'storefront-v1'], [WEST, 'shop', 'cart-v1', 'cart'], 'http', 5),
  /** sidecar → ambient through the waypoint. */
  sidecarViaWaypoint: edge([EAST, 'sample', 'sleep'], [EAST, 'shop', 'storefront-v1', 'storefront'], 'http', 2),
  /** ambient → ambient, service opted out of the waypoint: L4 only. */
  ambientL4: edge([EAST, 'shop', 'storefront-v1'], [EAST, 'shop', 'pricing-v1', 'pricing'], 'grpc', 20),
  /** ambient → ambient over plain TCP, opted out of the waypoint. */
  ambientTcp: edge([EAST, 'shop', 'cart-v1'], [EAST, 'shop', 'inventory-db', 'inventory-db'], 'tcp', 3),
  /** sidecar → sidecar: reported as it always was. */
  sidecars: edge([EAST, 'sample', 'sleep'], [EAST, 'sample', 'helloworld-v1', 'helloworld'], 'http', 4),
} as const;

/** The FleetSpec of the test fleet. */
export function ambientTestFleet(): FleetSpec {
  const clusters = [EAST, WEST].map((name, index) => ({
    name,
    mesh: 'prod',
    network: `network-${name}`,
    region: name,
    zones: [`${name}a`, `${name}b`],
    kubeVersion: 'v1.33.5',
    revisions: [{ revision: 'default', version: '1.30.3', replicas: 1 }],
    eastWestAddress: `192.0.2.${10 * (index + 1)}`,
    index,
    nodes: 2,
  }));
  const shop = { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' };
  const both = [EAST, WEST];
  const http = (name: string, port = 8080) => [{ name: `http-${name}`, port }];
  return {
    name: 'ambient-test',
    meshes: [{ id: 'prod', trustDomain: 'cluster.local', rootId: 'prod' }],
    clusters,
    namespaces: [
      ...both.map((cluster) => ({ cluster, name: 'shop', dataplane: 'ambient' as const, labels: shop })),
      ...both.map((cluster) => ({ cluster, name: 'sample', revision: 'default' })),
    ],
    services: [
      { name: 'storefront', namespace: 'shop', clusters: both, ports: http('web'), selector: { app: 'storefront' } },
      { name: 'cart', namespace: 'shop', clusters: both, ports: http('web'), selector: { app: 'cart' } },
      { name: 'pricing', namespace: 'shop', clusters: both, ports: [{ name: 'grpc', port: 9090 }], selector: { app: 'pricing' }, labels: { 'istio.io/use-waypoint': 'none' } },
      { name: 'inventory-db', namespace: 'shop', clusters: both, ports: [{ name: 'tcp-postgres', port: 5432 }], selector: { app: 'inventory-db' }, labels: { 'istio.io/use-waypoint': 'none' } },
      { name: 'waypoint', namespace: 'shop', clusters: both, ports: [{ name: 'status-port', port: 15021 }, { name: 'mesh', port: 15008 }], selector: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' } },
      { name: 'sleep', namespace: 'sample', clusters: both, ports: http('web', 80), selector: { app: 'sleep' } },
      { name: 'helloworld', namespace: 'sample', clusters: both, ports: http('web', 5000), selector: { app: 'helloworld' } },
    ],
    workloads: [
      app(EAST, 'shop', 'storefront-v1', { app: 'storefront', version: 'v1' }, { podAnnotations: REDIRECTED, replicas: 2 }),
      ...both.map((c) => app(c, 'shop', 'cart-v1', { app: 'cart', version: 'v1' }, { podAnnotations: REDIRECTED })),
      app(EAST, 'shop', 'pricing-v1', { app: 'pricing', version: 'v1' }, { podAnnotations: REDIRECTED }),
      app(EAST, 'shop', 'inventory-db', { app: 'inventory-db' }, { podAnnotations: REDIRECTED }),
      ...both.map(waypoint),
      app(EAST, 'sample', 'sleep', { app: 'sleep' }),
      app(EAST, 'sample', 'helloworld-v1', { app: 'helloworld', version: 'v1' }),
    ],
    edges: Object.values(EDGES),
    // The waypoint objects are spelled out above rather than left to the fleet builders (FleetSpec.waypoints),
    // so these tests fix the shapes telemetry reads.
    extraObjects: both.map(gateway),
  };
}

/** The stores of a FleetSpec's clusters (vendored CRDs served, every built object applied). */
export const buildStores = (spec: FleetSpec): Map<string, MemoryClusterStore> => buildStoresOf(spec, 'ambient-test root');

/** Marks every pod of the cluster's shop/waypoint not ready, as the waypoint-down scenario does. */
export function waypointDown(store: MemoryClusterStore): void {
  for (const pod of store.list('v1', 'Pod', 'shop')) {
    if (pod.metadata.labels?.['gateway.networking.k8s.io/gateway-name'] !== 'waypoint') continue;
    store.mergePatch('v1', 'Pod', 'shop', pod.metadata.name, { status: { conditions: [{ type: 'Ready', status: 'False' }] } });
  }
}
