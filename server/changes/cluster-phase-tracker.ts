import 'server-only';
import type { ClusterCondition, ClusterPhase } from '../clusters/cluster-state';
import type { ChangeInput } from '../history/types';

/** Phases a connection passes through on its way up; they are not where a cluster "is". */
const TRANSIENT: ReadonlySet<ClusterPhase> = new Set(['connecting', 'syncing']);
/** Phases in which every readable kind has been listed: the cluster's data is all there. */
const HAS_DATA: ReadonlySet<ClusterPhase> = new Set(['ok', 'stale']);

interface ClusterSeen {
  /** The last phase that was not transient; the first one is the baseline. */
  phase?: ClusterPhase;
  /** Model revision when the cluster first had all its data: findings computed before it are its initial sync. */
  dataSince?: number;
}

/**
 * Connection state per cluster: one entry per transition between settled
 * phases ("ok → unreachable: ..."), none for repeats. Passing through
 * connecting or syncing (a joining cluster, a rebuilt connection) is not a
 * transition: the entry compares the phases on either side.
 */
export class ClusterPhaseTracker {
  private readonly seen = new Map<string, ClusterSeen>();

  update(cluster: string, c: ClusterCondition, revision: number, at: string): ChangeInput | undefined {
    let s = this.seen.get(cluster);
    if (!s) this.seen.set(cluster, (s = {}));
    if (HAS_DATA.has(c.phase)) s.dataSince ??= revision;
    if (TRANSIENT.has(c.phase) || c.phase === s.phase) return undefined;
    const from = s.phase;
    s.phase = c.phase;
    if (from === undefined) return undefined;
    return {
      at, cluster, category: 'cluster', kind: 'Cluster', name: cluster, action: 'changed',
      summary: `${from} → ${c.phase}${c.reason ? `: ${c.reason}` : ''}`,
      diff: [{ path: 'state', before: from, after: c.phase }, ...(c.reason ? [{ path: 'reason', after: c.reason }] : [])],
      services: [],
    };
  }

  /** The one entry a cluster leaving the fleet gets (instead of a delete per object). */
  removed(cluster: string, at: string): ChangeInput {
    const from = this.seen.get(cluster)?.phase;
    this.seen.delete(cluster);
    return {
      at, cluster, category: 'cluster', kind: 'Cluster', name: cluster, action: 'deleted',
      summary: 'removed from the fleet', diff: from ? [{ path: 'state', before: from }] : [], services: [],
    };
  }

  /** The model revision from which the cluster had all its data, if it has. */
  dataSince(cluster: string): number | undefined {
    return this.seen.get(cluster)?.dataSince;
  }
}
