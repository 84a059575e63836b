import 'server-only';
import type { Selector } from '@/lib/access/selector';
import type { ChangeEntry } from '@/lib/history/change-types';
import type { VisibleChange } from '@/lib/history/changes-query';
import { allows, narrowTo, type VisibilityScope } from '../fleet/scope';

/** The selectors a store query is limited to: undefined for a caller who sees the whole fleet. */
export function visibleSelectors(scope: VisibilityScope): Selector[] | undefined {
  return scope.kind === 'all' ? undefined : scope.grants.flatMap((g) => g.selectors);
}

/**
 * A change as this caller may see it. The store already limited the rows to
 * the caller's namespaces; a config change's values are operator detail
 * (as /api/v1/config), so a viewer gets that it changed, not how.
 */
export function visibleChange(scope: VisibilityScope, entry: ChangeEntry): VisibleChange | undefined {
  if (!allows(scope, entry.cluster, entry.namespace)) return undefined;
  if (entry.category !== 'config' || allows(narrowTo(scope, 'configSpecs'), entry.cluster, entry.namespace)) return entry;
  const where = entry.namespace ? `${entry.namespace}/${entry.name}` : entry.name;
  return { ...entry, summary: `${entry.kind} ${where} ${entry.action}`, diff: [], redacted: true };
}
