/**
 * The vocabulary of analysis: findings, and the read-only view of clusters
 * that rules run over. The view is structural so the fleet model's slim
 * records and objects read from YAML files both fit it without copying.
 */

/** How bad a finding is, in istioctl's words. */
export type Level = 'Error' | 'Warning' | 'Info';

/** One object a finding is about. */
export interface ObjectRef {
  kind: string;
  /** Empty for cluster-scoped objects. */
  namespace: string;
  name: string;
  cluster: string;
}

/** One problem found in the fleet or in a set of files. */
export interface Finding {
  /** Stable across recomputations of the same problem (code, objects, message). */
  id: string;
  /** IST0xxx (Istio's catalogue) or MG0xxx (Meshglass's multi-cluster rules). */
  code: string;
  /** Istio's message name or the rule's name ('ReferencedResourceNotFound', 'SplitTrustRoot'). */
  name: string;
  level: Level;
  message: string;
  objects: ObjectRef[];
  /** Other objects the message names (IST0109's conflicting VirtualServices, ...): access control hides the finding unless the caller may see these too. */
  mentions?: ObjectRef[];
  /** Every cluster involved, sorted. */
  clusters: string[];
  /** A short instruction that resolves the finding. */
  fix: string;
}

/** An Istio or Admiral custom resource (what the fleet keeps of it, or a parsed manifest). */
export interface ConfigObject {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  spec: unknown;
  /** The object's status (conditions istiod writes), when the source keeps it. */
  status?: unknown;
}

/**
 * A Kubernetes object of a kind the view has no field for (webhook
 * configurations, ConfigMaps, CRDs, ...), whole: the manifest as read.
 */
export interface KubeResource {
  apiVersion: string;
  kind: string;
  /** Empty for cluster-scoped objects. */
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** The whole object (metadata, spec, data, webhooks, status, ...). */
  body: Record<string, unknown>;
}

export interface NamespaceView {
  name: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface ServicePortView {
  name?: string;
  port: number;
  protocol: string;
  targetPort?: string | number;
  appProtocol?: string;
}

export interface ServiceView {
  namespace: string;
  name: string;
  type: string;
  clusterIP?: string;
  ports: ServicePortView[];
  selector?: Record<string, string>;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  /** Load-balancer ingress addresses and spec.externalIPs. */
  externalAddresses: string[];
  /** The Service's status (conditions: istio.io/WaypointBound), when the source keeps it (manifests and the fleet model do). */
  status?: unknown;
}

export interface PodView {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  ready: boolean;
  phase: string;
  nodeName?: string;
  workload?: { kind: string; name: string };
  hasProxy: boolean;
  /** Image tag of the istio-proxy container (or istiod's own image tag). */
  proxyVersion?: string;
  /** The pod's whole spec (containers, images, securityContext), when the source keeps it (manifests do, the fleet model does not). */
  spec?: unknown;
}

export interface DeploymentView {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  /** The workload's whole spec (selector, pod template), when the source keeps it (manifests do, the fleet model does not). */
  spec?: unknown;
  /** Deployment, StatefulSet, DaemonSet, ...; absent means Deployment. */
  kind?: string;
}

export interface NodeView {
  name: string;
  region?: string;
  zone?: string;
}

/** A namespace's istio-ca-root-cert, reduced to fingerprint and expiry. */
export interface RootCertView {
  namespace: string;
  fingerprint?: string;
  notAfter?: string;
  error?: string;
}

/** Secret metadata (never values): remote secrets are read from these. */
export interface SecretView {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  dataKeys: string[];
  /** kubernetes.io/tls, Opaque, ..., when the source keeps it. */
  type?: string;
  /**
   * The serving certificate a gateway would load from this Secret (`cert`,
   * else `tls.crt`, each with its key), when the source has the values: its
   * validity window, or why there is none to load. Never the PEM itself.
   */
  certificate?: { notBefore?: string; notAfter?: string; error?: string };
}

/** A mesh config ConfigMap (istio, istio-<rev>) reduced to identity fields. */
export interface MeshConfigView {
  name: string;
  revision?: string;
  meshId?: string;
  trustDomain?: string;
}

/** One istiod revision and what its debug endpoints said. */
export interface ControlPlaneView {
  revision: string;
  namespace: string;
  /** pending: not polled yet; error: the poll failed (absence in its lists proves nothing). */
  state: 'pending' | 'ok' | 'error';
  version?: string;
  /** /debug/clusterz */
  clusters: Array<{ id: string; secretName?: string; syncStatus: string }>;
  /** /debug/networkz */
  gateways: Array<{ network: string; cluster: string; address: string; port: number }>;
  /** /debug/syncz, per proxy */
  proxies: Array<{ pod: string; namespace: string; cluster: string; proxyVersion?: string; istioVersion?: string }>;
}

/** A re-iterable collection (an array, or a view over a Map's values). */
export type Collection<T> = Iterable<T>;

/** Everything rules may read about one cluster. */
export interface ClusterView {
  name: string;
  /** Mesh ID (configured, or from mesh config); clusters without one are analysed alone. */
  mesh?: string;
  /** topology.istio.io/network of the cluster (configured, or the istio-system namespace label). */
  network?: string;
  /**
   * False while the cluster's data is incomplete (syncing, unreachable): rules
   * that conclude from the absence of something skip such clusters.
   */
  complete: boolean;
  /** Namespaces whose Secrets the view holds; undefined when it holds every namespace's (the fleet watches only the Istio namespace's). */
  secretNamespaces?: ReadonlySet<string>;
  /** Pod label keys the source keeps; undefined when pods carry all their labels. */
  podLabelKeys?: ReadonlySet<string>;
  namespaces: Collection<NamespaceView>;
  services: Collection<ServiceView>;
  pods: Collection<PodView>;
  deployments: Collection<DeploymentView>;
  nodes: Collection<NodeView>;
  config: Collection<ConfigObject>;
  rootCerts: Collection<RootCertView>;
  secrets: Collection<SecretView>;
  meshConfigs: Collection<MeshConfigView>;
  controlPlanes: Collection<ControlPlaneView>;
  /** Objects of other kinds, whole (webhook configurations, ConfigMaps, CRDs); absent when the source keeps none. */
  resources?: Collection<KubeResource>;
  /**
   * The default revision's mesh config, parsed (MeshConfig as YAML keys),
   * when the source has it whole; rules read fields through meshConfigField
   * so an absent field means Istio's default.
   */
  meshConfig?: Record<string, unknown>;
  /** The MeshNetworks config (`networks`), when given. */
  meshNetworks?: Record<string, unknown>;
  /** Where Istio's control plane lives (default istio-system). */
  istioNamespace?: string;
}

/** A cluster name as the telemetry source labels it, not matching the fleet (computed by server/telemetry). */
export interface TelemetryClusterMismatch {
  /** The `cluster` label value seen in metrics, when there is one. */
  telemetryCluster?: string;
  /** The fleet cluster without metrics under its name, when there is one. */
  cluster?: string;
  /** Extra words on what was compared. */
  detail?: string;
}

/** Knobs of an analysis run. */
export interface AnalysisOptions {
  /** Wall clock for expiry checks (ms since epoch). */
  now?: number;
  /** Root certificates expiring sooner than this many days are flagged (default 30). */
  rootCertWarningDays?: number;
  /** IST0106: validates a custom resource against its CRD schema; undefined skips IST0106. */
  validateSchema?: (o: ConfigObject) => string[] | undefined;
  /** MG0015 input: cluster names that do not match the telemetry `cluster` label. */
  telemetryMismatches?: TelemetryClusterMismatch[];
  /** Only run rules whose code is listed (default: all). */
  codes?: ReadonlySet<string>;
  /** Only run rules mirroring these Istio analyzers, by Istio's name (default: all rules). */
  analyzers?: ReadonlySet<string>;
}
