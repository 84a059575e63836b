/**
 * The fleet change history: what changed, where and when. One entry per
 * observed change of one object in one cluster; written in batches by the
 * recorder, read by /api/v1/changes. Pure types, no I/O.
 */
import type { Selector } from '@/lib/access/selector';

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

/** Filters of one page of history; every field narrows, undefined means any. */
export interface ChangeQuery {
  clusters?: string[];
  namespaces?: string[];
  /** `namespace/name` of a global service: entries whose `services` contain it. */
  service?: string;
  kinds?: string[];
  categories?: ChangeCategory[];
  /** Inclusive ISO times. */
  from?: string;
  to?: string;
  /** What the caller may see: undefined = everything; else entries matching a selector (cluster-level entries: the cluster glob alone). */
  visible?: readonly Selector[];
  /** The `next` of a previous page. */
  cursor?: string;
  /** Page size, 1-500. */
  limit: number;
}

/** Newest first; `next` is there when older entries remain. */
export interface ChangePage {
  items: ChangeEntry[];
  next?: string;
}

/** A stretch of time whose changes were not recorded (the store was down or full). */
export interface HistoryGap {
  from: string;
  /** Undefined while the gap is still open. */
  to?: string;
  reason: string;
}

/** The store: one small interface, two backends (PGlite, PostgreSQL server) of one SQL dialect. */
export interface ChangeStore {
  /** Appends in one transaction, in order; ids increase in that order. */
  append(entries: readonly ChangeInput[]): Promise<void>;
  query(q: ChangeQuery): Promise<ChangePage>;
  get(id: string): Promise<ChangeEntry | undefined>;
  /** Gaps overlapping [from, to], oldest first. */
  gaps(from?: string, to?: string): Promise<HistoryGap[]>;
  /** Records a gap; several replicas may record overlapping ones. */
  recordGap(gap: HistoryGap): Promise<void>;
  /** Deletes entries older than `before`, then the oldest until the store holds at most `maxBytes`; returns how many went. */
  prune(opts: { before: Date; maxBytes?: number }): Promise<number>;
  /** Bytes the entries take, as the retention by size counts them. */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}
