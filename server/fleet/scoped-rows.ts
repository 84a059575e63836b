import 'server-only';
import { LRUCache } from 'lru-cache';
import type { ServiceSummary } from '@/lib/fleet/services';
import type { VisibilityScope } from './scope';

/** What a scope's visibility depends on: its selectors (roles do not change which services it sees). */
export function scopeKey(scope: VisibilityScope): string {
  return scope.kind === 'all' ? '*' : scope.grants.flatMap((g) => g.selectors.map((s) => `${s.cluster}/${s.namespace}`)).sort().join(' ');
}

/**
 * /services rows as a workspace scope sees them (counts and cluster lists cut
 * to its clusters), per scope and service key (a key's rows: one per mesh and kind), so a scoped page does not
 * re-merge every service's instances per request. A key's rows are dropped
 * whenever the model touches it; only the most recently used scopes are kept.
 */
export class ScopedRowCache {
  private readonly byScope: LRUCache<string, Map<string, ServiceSummary[]>>;

  constructor(maxScopes = 32) {
    this.byScope = new LRUCache<string, Map<string, ServiceSummary[]>>({ max: maxScopes });
  }

  /** The rows of service `key` for the scope `scope` (from scopeKey), computed on first use. */
  get(scope: string, key: string, compute: () => ServiceSummary[]): ServiceSummary[] {
    let rows = this.byScope.get(scope);
    if (!rows) this.byScope.set(scope, (rows = new Map()));
    let r = rows.get(key);
    if (!r) rows.set(key, (r = compute()));
    return r;
  }

  /** Service key ('ns/name') touched: every scope recomputes its rows. */
  drop(key: string): void {
    for (const rows of this.byScope.values()) rows.delete(key);
  }

  /** Scopes currently held. */
  get scopes(): number {
    return this.byScope.size;
  }
}
