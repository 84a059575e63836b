import 'server-only';
import type { Page } from '@/lib/fleet/paging';
import type { ServiceSummary, ServicesQuery } from '@/lib/fleet/services';

type SortKey = 'name' | 'namespace' | 'clusters' | 'endpoints';

/** A list row with the fields filters read copied out (summaries built by object rest are slow to read) and its lower-case search text. */
interface Row {
  summary: ServiceSummary;
  kind: string;
  mesh: string;
  namespace: string;
  clusters: string[];
  dataplanes: readonly string[];
  search: string;
}

// Code-point order: names are lower-case DNS labels, and it is several times cheaper than localeCompare.
const str = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * Last tie-breaks, so that every order is total and a row can be found again by binary search.
 * The mesh comes after the namespace: one name's rows in several meshes sit side by side.
 */
const tail = (a: ServiceSummary, b: ServiceSummary) => str(a.name, b.name) || str(a.namespace, b.namespace) || str(a.mesh, b.mesh) || str(a.kind, b.kind);

const ORDERS: Record<SortKey, (a: ServiceSummary, b: ServiceSummary) => number> = {
  name: tail,
  namespace: (a, b) => str(a.namespace, b.namespace) || tail(a, b),
  clusters: (a, b) => a.clusters.length - b.clusters.length || tail(a, b),
  endpoints: (a, b) => a.endpoints.ready - b.endpoints.ready || tail(a, b),
};
const SORT_KEYS = Object.keys(ORDERS) as SortKey[];

/** First position in `arr` whose row does not sort before `s`. */
function lowerBound(arr: Row[], s: ServiceSummary, cmp: (a: ServiceSummary, b: ServiceSummary) => number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(arr[mid]!.summary, s) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The /services list kept sorted in every order the API offers, updated from
 * the keys the model touches. A page without filters costs O(page); a filter
 * is one pass over precomputed lower-case strings; a change costs
 * O(log n) per order (plus the array move), never a re-sort of the fleet.
 */
export class ServiceIndex {
  private readonly rows = new Map<string, Row[]>();
  private readonly sorted = Object.fromEntries(SORT_KEYS.map((k) => [k, [] as Row[]])) as Record<SortKey, Row[]>;
  private readonly dirty = new Set<string>();

  /** A service key ('ns/name') changed; its rows (one per mesh and kind) are rebuilt on the next read. */
  markDirty(key: string): void {
    this.dirty.add(key);
  }

  /** Rebuilds the rows of changed keys; `compute` gives a key's current rows (its Service and/or ServiceEntry). */
  refresh(compute: (key: string) => ServiceSummary[]): void {
    if (this.dirty.size === 0) return;
    // A large batch (first sync, a relist) is cheaper as one sort than as many inserts.
    const bulk = this.dirty.size > Math.max(1000, this.rows.size / 8);
    for (const key of this.dirty) {
      if (!bulk) for (const r of this.rows.get(key) ?? []) this.remove(r);
      const next = compute(key).map((summary): Row => ({ summary, kind: summary.kind, mesh: summary.mesh, namespace: summary.namespace, clusters: summary.clusters, dataplanes: summary.dataplanes, search: `${summary.namespace}/${summary.name} ${summary.hosts.join(' ')}`.toLowerCase() }));
      if (next.length) this.rows.set(key, next);
      else this.rows.delete(key);
      if (!bulk) for (const r of next) this.insert(r);
    }
    this.dirty.clear();
    if (bulk) {
      const all = [...this.rows.values()].flat();
      for (const k of SORT_KEYS) this.sorted[k] = [...all].sort((a, b) => ORDERS[k](a.summary, b.summary));
    }
  }

  /** Number of rows (Services plus ServiceEntries). */
  get size(): number {
    return this.sorted.name.length;
  }

  /** One page of the rows matching the query, in its order; `total` counts every match. */
  query(query: ServicesQuery): Page<ServiceSummary> {
    const desc = query.sort.startsWith('-');
    // Telemetry orders (rps, errors, ...) are applied by server/telemetry over the name order.
    const arr = this.sorted[query.sort.replace(/^-/, '') as SortKey] ?? this.sorted.name;
    const start = (query.page - 1) * query.pageSize;
    const at = (i: number) => arr[desc ? arr.length - 1 - i : i]!;
    const q = query.q?.toLowerCase();
    const page = { page: query.page, pageSize: query.pageSize };
    if (!q && !query.namespace && !query.cluster && !query.kind && !query.dataplane && query.mesh === undefined) {
      const items: ServiceSummary[] = [];
      for (let i = start; i < Math.min(arr.length, start + query.pageSize); i++) items.push(at(i).summary);
      return { items, total: arr.length, ...page };
    }
    const items: ServiceSummary[] = [];
    let total = 0;
    const { kind, namespace, cluster, mesh, dataplane } = query;
    for (let i = 0; i < arr.length; i++) {
      const r = at(i);
      if (kind && r.kind !== kind) continue;
      if (mesh !== undefined && r.mesh !== mesh) continue;
      if (namespace && r.namespace !== namespace) continue;
      if (q && !r.search.includes(q)) continue;
      if (cluster && !r.clusters.includes(cluster)) continue;
      if (dataplane && !r.dataplanes.includes(dataplane)) continue;
      if (total >= start && items.length < query.pageSize) items.push(r.summary);
      total++;
    }
    return { items, total, ...page };
  }

  private insert(r: Row): void {
    for (const k of SORT_KEYS) this.sorted[k].splice(lowerBound(this.sorted[k], r.summary, ORDERS[k]), 0, r);
  }

  private remove(r: Row): void {
    for (const k of SORT_KEYS) {
      const arr = this.sorted[k];
      const i = lowerBound(arr, r.summary, ORDERS[k]);
      if (arr[i] === r) arr.splice(i, 1);
      else {
        // Not where its order says (cannot happen with total orders); fall back to a scan rather than leave a ghost row.
        const j = arr.indexOf(r);
        if (j >= 0) arr.splice(j, 1);
      }
    }
  }
}
