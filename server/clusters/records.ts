import 'server-only';
import type { AnalysisPodSpec } from './slim/analysis-spec';

/**
 * Slim records: only the fields Meshglass uses, copied out of the Kubernetes
 * objects on ingest so memory grows with the number of objects, not their size.
 * Label and annotation maps, pod owners and repeated strings are interned
 * (server/clusters/slim/intern.ts): shared between records and frozen, so a
 * record's maps must never be modified in place.
 */

export interface SlimNamespace {
  name: string;
  labels: Record<string, string>;
}

export interface SlimServicePort {
  name?: string;
  port: number;
  protocol: string;
  targetPort?: string | number;
  appProtocol?: string;
}

export interface SlimService {
  namespace: string;
  name: string;
  type: string;
  /** 'None' for a headless service. */
  clusterIP?: string;
  ports: SlimServicePort[];
  selector?: Record<string, string>;
  labels: Record<string, string>;
  /** Load-balancer ingress addresses (IP or hostname) and spec.externalIPs. */
  externalAddresses: string[];
  /** status.conditions, bounded (istiod's istio.io/WaypointBound); absent when the Service has none. */
  status?: { conditions: readonly SlimCondition[] };
}

/** A status condition as kept: what IST0171 and the waypoint binding read. */
export interface SlimCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** One endpoint: what the service instance counts (addresses, node and zone had no reader and are not kept). */
export interface SlimEndpoint {
  ready: boolean;
  /** The pod behind the endpoint, when its targetRef is a Pod. */
  pod?: string;
}

export interface SlimEndpointSlice {
  namespace: string;
  name: string;
  /** From the kubernetes.io/service-name label. */
  service: string;
  endpoints: SlimEndpoint[];
}

export interface SlimPod {
  namespace: string;
  name: string;
  /** Only the labels the product reads (app, version, canonical name/revision, istio.io/rev, network, identity, ...). */
  labels: Record<string, string>;
  phase: string;
  ready: boolean;
  nodeName?: string;
  /** Deployment (or other top-level owner) the pod belongs to, derived from its owner reference. */
  workload: { kind: string; name: string };
  /** Whether an istio-proxy sidecar (or the pod is a gateway / istiod). */
  hasProxy: boolean;
  /** Image tag of the istio-proxy container or of istiod's discovery container. */
  proxyVersion?: string;
  /** Selected annotations (admiral.io/env and Istio's own, see keptAnnotation); mostly the shared empty map. */
  annotations: Record<string, string>;
  /** The spec fields Istio's analyzers read (slim/analysis-spec.ts), shared by the pods of a workload. */
  spec?: AnalysisPodSpec;
}

export interface SlimDeployment {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** spec.replicas (1 when absent, as the API server defaults it). */
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  /** Images of spec.template's containers, in order (init containers left out). */
  images: string[];
  /** All of the pod template's labels: what Service selectors are matched against. */
  templateLabels: Record<string, string>;
  /** Selector and pod template as the workload analyzers read them (template labels, kept annotations, the analysis part of the spec). */
  spec?: { selector?: unknown; template: { metadata: { labels: Record<string, string>; annotations: Record<string, string> }; spec: AnalysisPodSpec } };
}

export interface SlimNode {
  name: string;
  region?: string;
  zone?: string;
}

/** An istio-ca-root-cert ConfigMap reduced to what trust checks need. */
export interface SlimRootCert {
  namespace: string;
  /** SHA-256 fingerprint of root-cert.pem, colon-separated hex as openssl prints it. */
  fingerprint?: string;
  notAfter?: string;
  subject?: string;
  /** Why the certificate could not be read. */
  error?: string;
}

export interface SlimSecretMeta {
  namespace: string;
  name: string;
  type: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Keys of data, without the values. */
  dataKeys: string[];
}

/** An Istio or Admiral config object; its spec is kept (bounded in size) for the config view. */
export interface SlimConfigObject {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: unknown;
  status?: unknown;
}

/** A ConfigMap in istio-system; for mesh config maps ('istio', 'istio-<rev>') the mesh ID and trust domain. */
export interface SlimMeshConfig {
  namespace: string;
  name: string;
  revision?: string;
  meshId?: string;
  trustDomain?: string;
  /** The MeshConfig fields Istio's analyzers read (see ANALYSIS_MESH_FIELDS); the rest is dropped. */
  settings?: Record<string, unknown>;
}

/** Result of slimming one object: a record, or why it was skipped. */
export type SlimResult<R> = { ok: true; record: R } | { ok: false; reason: string; oversized?: boolean };
