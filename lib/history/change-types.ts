/**
 * The fleet change history as the API carries it: what changed, where and
 * when. One entry per observed change of one object in one cluster. Shared by
 * the server (recorder, store, routes) and the pages.
 */

/** What kind of thing changed; the timeline filters and colours by it. */
export type ChangeCategory =
  | 'config' // Istio, Gateway API and Admiral config objects
  | 'workload' // Deployments: images, replicas, selecting labels
  | 'service' // Kubernetes Services: selector, ports, type
  | 'namespace' // injection / data-plane mode labels
  | 'controlplane' // istiod revisions and versions
  | 'trust' // root certificates
  | 'cluster' // connection state transitions
  | 'finding' // analysis findings appearing and clearing
  | 'health'; // a service's health in one cluster (debounced)

export type ChangeAction = 'created' | 'changed' | 'deleted';

/** One changed field; values are JSON, truncated by the recorder, never Secret data. */
export interface FieldChange {
  /** Dotted path from the object's root, e.g. `spec.http[0].route[1].weight`. */
  path: string;
  before?: unknown;
  after?: unknown;
}

/** A change as the recorder observed it, before the store numbers it. */
export interface ChangeInput {
  /** When it was observed, ISO 8601 with milliseconds. */
  at: string;
  cluster: string;
  category: ChangeCategory;
  /** The object's kind: `DestinationRule`, `Deployment`, `Cluster`, `IST0101`, ... */
  kind: string;
  /** Undefined for cluster-level objects (the cluster itself, nodes, control planes without a namespace). */
  namespace?: string;
  name: string;
  action: ChangeAction;
  /** One human line: "weight of reviews-v3 50 → 100". */
  summary: string;
  /** At most a few dozen fields; empty for creates and deletes of large objects. */
  diff: FieldChange[];
  /** Global services (`namespace/name`) this change is about or routes to: the service page's markers. */
  services: string[];
}

/** A stored change: its input plus the store's id (a decimal string of an increasing integer). */
export interface ChangeEntry extends ChangeInput {
  id: string;
}

/** A stretch of time whose changes were not recorded (the store was down or full). */
export interface HistoryGap {
  from: string;
  /** Undefined while the gap is still open. */
  to?: string;
  reason: string;
}
