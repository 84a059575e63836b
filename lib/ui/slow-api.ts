import type { ClusterSummary } from '../fleet/clusters';
import { formatMs } from './format';

/**
 * An API server this slow to answer is a problem even while its open
 * watches still stream: every new list, watch and istiod poll waits on it,
 * and istiod elsewhere in the mesh sees the cluster as syncing.
 */
export const SLOW_API_MS = 2000;

/** "5 s", or "over 10 s" when the request timed out; undefined when the API answers in time. */
export function slowApiLatency(c: Pick<ClusterSummary, 'apiLatency'>): string | undefined {
  const l = c.apiLatency;
  if (!l || (!l.timedOut && l.ms < SLOW_API_MS)) return undefined;
  return l.timedOut ? `over ${formatMs(l.ms)}` : formatMs(l.ms);
}
