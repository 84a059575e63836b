/**
 * The change history's store interface and queries (server side). The entry
 * types are the API's, in lib/history/change-types.ts.
 */
import type { Selector } from '@/lib/access/selector';
import type { ChangeCategory, ChangeEntry, ChangeInput, HistoryGap } from '@/lib/history/change-types';

export type { ChangeAction, ChangeCategory, ChangeEntry, ChangeInput, FieldChange, HistoryGap } from '@/lib/history/change-types';

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

/** Objects changed again and again since `from`: a controller fighting another, a rollout loop. */
export interface ChurnQuery {
  from: string;
  /** Only objects changed at least this often. */
  minChanges: number;
  categories?: ChangeCategory[];
  visible?: readonly Selector[];
  /** Most objects, the busiest first (1-500). */
  limit: number;
}

/** One object and how often it changed in the window. */
export interface ChurnRow {
  cluster: string;
  category: ChangeCategory;
  kind: string;
  namespace?: string;
  name: string;
  changes: number;
  firstAt: string;
  lastAt: string;
}

/** The store: one small interface, two backends (PGlite, PostgreSQL server) of one SQL dialect. */
export interface ChangeStore {
  /** Appends in one transaction, in order; ids increase in that order. */
  append(entries: readonly ChangeInput[]): Promise<void>;
  query(q: ChangeQuery): Promise<ChangePage>;
  get(id: string): Promise<ChangeEntry | undefined>;
  /** Objects changed at least `minChanges` times since `from`, the busiest first. */
  churn(q: ChurnQuery): Promise<ChurnRow[]>;
  /** Gaps overlapping [from, to], oldest first. */
  gaps(from?: string, to?: string): Promise<HistoryGap[]>;
  /** Records a gap; several replicas may record overlapping ones. */
  recordGap(gap: HistoryGap): Promise<void>;
  /** Notes that a recorder is alive at `at`; returns the previous note, if any. */
  beat(at: string): Promise<string | undefined>;
  /** Deletes entries older than `before`, then the oldest until the store holds at most `maxBytes`; returns how many went. */
  prune(opts: { before: Date; maxBytes?: number }): Promise<number>;
  /** Bytes the entries take, as the retention by size counts them. */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}
