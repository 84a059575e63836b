import 'server-only';
import type { Health } from '@/lib/health/health-status';
import type { ServiceSignals } from '@/lib/api/telemetry';
import type { ServiceSummary, ServicesQuery, SignalSort } from '@/lib/fleet/services';
import { SIGNAL_SORTS } from '@/lib/fleet/services';

/** Whether the query needs every row's signals (a health filter or a telemetry order), not only the page's. */
export function needsAllSignals(query: Pick<ServicesQuery, 'sort' | 'health'>): boolean {
  return Boolean(query.health?.length) || isSignalSort(query.sort);
}

/** Whether `sort` is one of the telemetry orders. */
export function isSignalSort(sort: string): sort is SignalSort {
  return (SIGNAL_SORTS as readonly string[]).includes(sort);
}

/** A list row with its signals: summed over the row's clusters (one mesh's), worst health, and (when asked for) each cluster's. */
export function withSignals(row: ServiceSummary, s: ServiceSignals | undefined, perCluster = true): ServiceSummary {
  if (!s) return row;
  return perCluster ? { ...row, signals: s.signals, health: s.health, clusterSignals: s.clusters } : { ...row, signals: s.signals, health: s.health };
}

// Worst first: the order an incident needs.
const HEALTH_RANK: Record<Health['status'], number> = { failure: 0, degraded: 1, 'not-ready': 2, unknown: 3, healthy: 4, idle: 5 };

/** Server-side failures, as the graph counts errors (5xx, gRPC errors, no response); 4xx are the caller's. */
export function errorShare(s: ServiceSummary['signals']): number | undefined {
  return s ? s.errorPercent.http5xx + s.errorPercent.grpc + s.errorPercent.noResponse : undefined;
}

const VALUE: Record<string, (r: ServiceSummary) => number | null | undefined> = {
  rps: (r) => r.signals?.rps,
  errors: (r) => errorShare(r.signals),
  p95: (r) => r.signals?.latencyMs.p95,
  health: (r) => (r.health ? HEALTH_RANK[r.health.status] : undefined),
};

const str = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// The index's name order (server/fleet/service-index.ts): name, namespace, mesh, kind.
const byName = (a: ServiceSummary, b: ServiceSummary) => str(a.name, b.name) || str(a.namespace, b.namespace) || str(a.mesh, b.mesh) || str(a.kind, b.kind);

/**
 * Sorts rows by a telemetry order. Rows without a value (ServiceEntries, no
 * histogram data) go last in both directions; ties fall back to the name
 * order so pages are stable.
 */
export function sortBySignal(rows: ServiceSummary[], sort: SignalSort): ServiceSummary[] {
  const desc = sort.startsWith('-');
  const value = VALUE[sort.replace(/^-/, '')]!;
  return rows
    .map((r) => ({ r, v: value(r) }))
    .sort((a, b) => {
      const av = a.v ?? undefined;
      const bv = b.v ?? undefined;
      if (av === undefined || bv === undefined) return av === bv ? byName(a.r, b.r) : av === undefined ? 1 : -1;
      return (desc ? bv - av : av - bv) || byName(a.r, b.r);
    })
    .map((x) => x.r);
}

/** Keeps rows whose global health is one of `statuses` (rows without health never match). */
export function filterByHealth(rows: ServiceSummary[], statuses: readonly string[] | undefined): ServiceSummary[] {
  if (!statuses?.length) return rows;
  const keep = new Set(statuses);
  return rows.filter((r) => r.health !== undefined && keep.has(r.health.status));
}
