import type { ConfigSummary } from '@/lib/fleet/config';
import { carriesStatus, mergeStatuses, type MergedStatus } from '@/lib/fleet/config-status';
import { configKey } from '@/lib/ui/config-view';

/**
 * The status of each listed object that carries one (Gateway API kinds),
 * merged over its clusters, from the summaries the list answers (the server
 * reads each object's conditions): no request per row.
 */
export function configStatuses(items: readonly ConfigSummary[]): (key: string) => MergedStatus | undefined {
  const byKey = new Map<string, { cluster: string; status: ConfigSummary['statusSummary'] }[]>();
  for (const o of items) {
    if (!carriesStatus(o)) continue;
    const key = configKey(o);
    const parts = byKey.get(key) ?? [];
    parts.push({ cluster: o.cluster, status: o.statusSummary });
    byKey.set(key, parts);
  }
  const merged = new Map([...byKey].map(([key, parts]) => [key, mergeStatuses(parts)]));
  return (key) => merged.get(key);
}
