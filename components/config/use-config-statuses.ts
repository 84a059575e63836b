'use client';

import { useQueries } from '@tanstack/react-query';
import { fetchConfigObject } from '@/lib/api/config';
import { qk } from '@/lib/api/query-keys';
import type { ConfigSummary } from '@/lib/fleet/config';
import { carriesStatus, configStatus, mergeStatuses, type MergedStatus } from '@/lib/ui/config-status';
import { configKey } from '@/lib/ui/config-view';

/** Objects whose status one view asks for: the list carries no status, so each is one detail request. */
export const STATUS_LOOKUPS = 100;

/** A row's status: known (or known to have no conditions), still loading, or not asked (past the lookup cap). */
export type RowStatus = { kind: 'known'; status: MergedStatus | undefined } | { kind: 'loading' } | { kind: 'not-asked' };

/**
 * The status of each listed object that carries one (Gateway API kinds), merged
 * over its clusters, read from the objects' details under the same query keys
 * as the compare view, so a config change event refreshes both.
 */
export function useConfigStatuses(items: readonly ConfigSummary[], enabled: boolean): (key: string) => RowStatus {
  const bearing = items.filter(carriesStatus);
  const asked = bearing.slice(0, STATUS_LOOKUPS);
  const results = useQueries({
    queries: asked.map((o) => ({
      queryKey: qk.config.detail(o.cluster, o.group, o.kind, o.namespace, o.name),
      queryFn: () => fetchConfigObject(o.cluster, o.group, o.kind, o.namespace, o.name),
      enabled,
    })),
  });
  const byKey = new Map<string, { done: boolean; parts: { cluster: string; status: ReturnType<typeof configStatus> }[] }>();
  asked.forEach((o, i) => {
    const key = configKey(o);
    const entry = byKey.get(key) ?? { done: true, parts: [] };
    const r = results[i];
    // A failed lookup counts as no status rather than loading for ever.
    if (r?.data) entry.parts.push({ cluster: o.cluster, status: configStatus(r.data.data.status, o.namespace) });
    else if (!r?.error) entry.done = false;
    byKey.set(key, entry);
  });
  const bearingKeys = new Set(bearing.map((o) => configKey(o)));
  return (key) => {
    const e = byKey.get(key);
    if (e) return e.done ? { kind: 'known', status: mergeStatuses(e.parts) } : { kind: 'loading' };
    return bearingKeys.has(key) ? { kind: 'not-asked' } : { kind: 'known', status: undefined };
  };
}
