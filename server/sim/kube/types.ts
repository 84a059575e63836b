/**
 * The contract between the simulated Kubernetes API server (server/sim/kube)
 * and the fleet content that fills it (server/sim/fleet, server/sim/istiod,
 * server/sim/telemetry). Product code never imports anything under server/sim.
 */
import type { Server as NetServer } from 'node:net';

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** One served resource type (built-in or from a CustomResourceDefinition). */
export interface ResourceType {
  group: string; // '' for core
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** openAPIV3Schema for custom resources; writes are validated against it. */
  schema?: Record<string, unknown>;
  /** Discovery extras (kubectl uses them); default singular = kind lowercased. */
  singular?: string;
  shortNames?: string[];
  categories?: string[];
  /** Subresources served besides the object itself, e.g. ['status']. */
  subresources?: string[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  object: KubeObject;
  resourceVersion: number;
}

/** In-memory object store of one simulated cluster. */
export interface ClusterStore {
  /** Registers a type; creating a CustomResourceDefinition object registers its served versions too. */
  registerType(type: ResourceType): void;
  types(): ResourceType[];
  /** Create or replace (by apiVersion/kind/namespace/name); assigns uid, resourceVersion, creationTimestamp; emits a watch event. Throws a validation error for an invalid custom resource. */
  apply(obj: KubeObject): KubeObject;
  /** JSON merge patch (RFC 7386) of an existing object. */
  mergePatch(apiVersion: string, kind: string, namespace: string | undefined, name: string, patch: unknown): KubeObject;
  delete(apiVersion: string, kind: string, namespace: string | undefined, name: string): boolean;
  get(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(apiVersion: string, kind: string, namespace?: string): KubeObject[];
  /** The cluster's current resourceVersion (a single counter per cluster, as etcd's revision). */
  readonly resourceVersion: number;
  subscribe(listener: (event: StoreEvent) => void): () => void;
}

/** Something that answers on a pod's port when a client port-forwards to it (an unstarted net/http server; connections are handed to it with emit('connection', duplex)). */
export type PortForwardResolver = (namespace: string, pod: string, port: number) => NetServer | undefined;

export interface KubeFaults {
  /** The listening socket is closed: connections are refused (cluster-down). */
  refuseConnections: boolean;
  /** Every response is delayed by this many milliseconds (slow-api). */
  delayMs: number;
  /** Every bearer token is rejected with 401 (token-expired). */
  rejectAllTokens: boolean;
  /** History is kept very short and open watches are ended with a 410 ERROR event every few seconds (watch-expiry). */
  expireWatches: boolean;
}

/** A bearer token accepted by one cluster; rules absent = may read and write everything. */
export interface TokenSpec {
  token: string;
  user: string;
  /** When set, only these (resource plural, namespace) pairs are allowed; '*' matches any. Everything else is 403. */
  rules?: Array<{ resources: string[]; namespaces: string[]; verbs: Array<'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete'> }>;
}

export interface KubeApiServerOptions {
  clusterName: string;
  store: ClusterStore;
  /** e.g. 'v1.33.5' */
  gitVersion: string;
  tokens: TokenSpec[];
  /** PEM of the CA that signs the server certificate, and its key. */
  tls: { caCertPem: string; caKeyPem: string };
  portForward?: PortForwardResolver;
  /** 0 = pick a free loopback port; the same port is reused when the server comes back from refuseConnections. */
  port?: number;
  host?: string; // default 127.0.0.1
  /** How often watches with allowWatchBookmarks=true get a BOOKMARK (default 3000 ms). */
  bookmarkIntervalMs?: number;
}

export interface KubeApiServerHandle {
  readonly port: number;
  /** https://127.0.0.1:<port> */
  readonly url: string;
  readonly caCertPem: string;
  readonly faults: KubeFaults;
  setFaults(patch: Partial<KubeFaults>): Promise<void>;
  stop(): Promise<void>;
}

/** What startKubeApiServer returns: the handle plus run-time access changes (kept apart so fakes of the handle need not implement them). */
export interface KubeApiServer extends KubeApiServerHandle {
  /** Replaces a token's rules from the next request on (undefined = allowed everything), as an RBAC edit does; open watches carry on. False for an unknown token. */
  setTokenRules(token: string, rules: TokenSpec['rules']): boolean;
}
