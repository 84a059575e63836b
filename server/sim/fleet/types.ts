/**
 * FleetSpec: the declarative description of a simulated fleet. Builders turn
 * it into Kubernetes objects per cluster; the traffic model turns its edges
 * into metrics. Pure data, no I/O.
 */
import type { KubeObject } from '../kube/types';

/** One multi-cluster mesh: clusters sharing a meshID and (normally) one root of trust. */
export interface MeshSpec {
  id: string;
  trustDomain: string;
  /** Key of the root certificate the mesh's clusters trust (see FleetCerts.roots). */
  rootId: string;
}

/** One istiod control-plane revision installed in a cluster. */
export interface IstioRevisionSpec {
  /** 'default' or a revision name such as '1-31-canary'. */
  revision: string;
  /** Istio version, e.g. '1.30.3'. */
  version: string;
  replicas: number;
}

export interface ClusterSpec {
  name: string;
  mesh: string;
  network: string;
  region: string;
  zones: string[];
  /** Kubernetes version reported by /version, e.g. 'v1.33.5'. */
  kubeVersion: string;
  revisions: IstioRevisionSpec[];
  /** TEST-NET address of the east-west gateway load balancer (data only, never dialled). */
  eastWestAddress: string;
  /** Index used to allocate this cluster's pod CIDR (10.<index+1>.0.0/16). */
  index: number;
  nodes: number;
  /** Ambient installed (istio-cni and a ztunnel DaemonSet in istio-system, one pod per node), at this version. */
  ztunnel?: { version: string };
}

export interface NamespaceSpec {
  cluster: string;
  name: string;
  /** Sidecar injection: a revision name ('default' = istio-injection=enabled), or absent for no injection. */
  revision?: string;
  /** 'ambient': labelled istio.io/dataplane-mode=ambient; its pods are redirected by ztunnel (no sidecar). */
  dataplane?: 'ambient';
  labels?: Record<string, string>;
}

/** A waypoint proxy: a Gateway of class istio-waypoint with its Deployment, pods and Service, as istiod deploys it. */
export interface WaypointSpec {
  cluster: string;
  namespace: string;
  name: string;
  /** istio.io/waypoint-for (Istio's default: service). */
  for?: 'service' | 'workload' | 'all';
  replicas?: number;
}

export interface PortSpec {
  name: string;
  port: number;
  targetPort?: number;
  /** Istio protocol selection happens by port name; appProtocol is optional. */
  appProtocol?: string;
}

/** A Service that exists (same namespace/name, same ports) in each listed cluster. */
export interface ServiceSpec {
  name: string;
  namespace: string;
  clusters: string[];
  ports: PortSpec[];
  selector: Record<string, string>;
  labels?: Record<string, string>;
  /** A LoadBalancer Service with this TEST-NET ingress address (data only, never dialled). */
  loadBalancerIp?: string;
}

/** A Deployment in one cluster and its pods. */
export interface WorkloadSpec {
  cluster: string;
  namespace: string;
  /** Deployment name, also the workload name in metrics. */
  name: string;
  /** Pod template labels; must include `app`; `version` becomes the canonical revision. */
  labels: Record<string, string>;
  replicas: number;
  /** Ready pods (default: replicas). */
  ready?: number;
  serviceAccount: string;
  image: string;
  containerPorts: number[];
  podAnnotations?: Record<string, string>;
  deploymentLabels?: Record<string, string>;
  /** Deployment selector (default: app + version). */
  selector?: Record<string, string>;
  /** 'router' for gateway deployments whose main container is the proxy. */
  proxyMode?: 'router';
}

export interface WorkloadRef {
  cluster: string;
  namespace: string;
  workload: string;
}

export interface ErrorSpec {
  /** HTTP status as a string ('503'), or '0' for no response. */
  code: string;
  ratio: number;
  grpcStatus?: string;
  responseFlags?: string;
}

export interface LatencySpec {
  p50Ms: number;
  p99Ms: number;
}

/** Traffic from a source workload to a destination workload behind a service. */
export interface TrafficEdgeSpec {
  source: WorkloadRef;
  destination: WorkloadRef & { service: string };
  protocol: 'http' | 'grpc' | 'tcp';
  /** Requests per second (http/grpc) or new connections per second (tcp). */
  rps: number;
  errors?: ErrorSpec[];
  latency?: LatencySpec;
  requestBytes?: number;
  responseBytes?: number;
  /** tcp only: bytes per connection each way. */
  tcpSentBytes?: number;
  tcpReceivedBytes?: number;
}

export interface FleetSpec {
  name: string;
  meshes: MeshSpec[];
  clusters: ClusterSpec[];
  namespaces: NamespaceSpec[];
  services: ServiceSpec[];
  workloads: WorkloadSpec[];
  edges: TrafficEdgeSpec[];
  /** Waypoint proxies (ambient L7), per cluster. */
  waypoints?: WaypointSpec[];
  /** Any further objects (Istio/Admiral custom resources, ConfigMaps) per cluster. */
  extraObjects: Array<{ cluster: string; object: KubeObject }>;
}

/** PEMs the builders embed: mesh roots by rootId, and the API server CA for remote-secret kubeconfigs. */
export interface FleetCerts {
  roots: Record<string, string>;
  apiCaPem: string;
}

/** What a cluster's remote secrets point at: other clusters' API URLs and tokens. */
export interface ApiEndpoint {
  cluster: string;
  url: string;
  token: string;
}
