import type { ClusterState, ClusterStatus } from '../api/envelope';

/** Worst first: the order banners and counts are listed in. */
export const CLUSTER_STATE_ORDER: readonly ClusterState[] = ['unreachable', 'unauthorized', 'forbidden', 'error', 'stale', 'syncing', 'ok'];

/** How bad a state is for the banner's tone. */
export function clusterStateTone(state: ClusterState): 'ok' | 'warn' | 'fail' {
  if (state === 'ok') return 'ok';
  return state === 'syncing' || state === 'stale' ? 'warn' : 'fail';
}

/** Counts of clusters per state, worst first, zero counts left out. */
export function countClusterStates(clusters: Record<string, Pick<ClusterStatus, 'state'>>): { state: ClusterState; count: number }[] {
  const counts = new Map<ClusterState, number>();
  for (const c of Object.values(clusters)) counts.set(c.state, (counts.get(c.state) ?? 0) + 1);
  return CLUSTER_STATE_ORDER.flatMap((state) => (counts.get(state) ? [{ state, count: counts.get(state) ?? 0 }] : []));
}

/** The clusters that are not ok, worst first then by name: one banner each. */
export function clustersNeedingBanner(clusters: Record<string, ClusterStatus>): ({ cluster: string } & ClusterStatus)[] {
  return Object.entries(clusters)
    .filter(([, s]) => s.state !== 'ok')
    .map(([cluster, s]) => ({ cluster, ...s }))
    .sort((a, b) => CLUSTER_STATE_ORDER.indexOf(a.state) - CLUSTER_STATE_ORDER.indexOf(b.state) || a.cluster.localeCompare(b.cluster));
}

/** The oldest data age among clusters, for a page's "data age" line. */
export function oldestDataAge(clusters: Record<string, Pick<ClusterStatus, 'dataAgeSeconds'>>): number | undefined {
  const ages = Object.values(clusters).map((c) => c.dataAgeSeconds);
  return ages.length ? Math.max(...ages) : undefined;
}
