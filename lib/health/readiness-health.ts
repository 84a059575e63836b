import type { Health } from './health-status';

/** Endpoint and proxy counts of one service or workload instance. */
export interface ReadinessCounts {
  desired: number;
  ready: number;
  /** Proxies whose config is STALE or NOT SENT. */
  unsyncedProxies?: number;
}

/**
 * Kiali's replica rules: nothing desired is 'not-ready', none ready is a
 * failure, fewer than desired or unsynced proxies degrade.
 */
export function readinessHealth(c: ReadinessCounts): Health {
  if (c.desired === 0) return { status: 'not-ready', reasons: ['scaled to zero'] };
  if (c.ready === 0) return { status: 'failure', reasons: [`none of ${c.desired} endpoints ready`] };
  const reasons: string[] = [];
  if (c.ready < c.desired) reasons.push(`${c.ready} of ${c.desired} endpoints ready`);
  if (c.unsyncedProxies) reasons.push(`${c.unsyncedProxies} prox${c.unsyncedProxies === 1 ? 'y' : 'ies'} not in sync with istiod`);
  return reasons.length ? { status: 'degraded', reasons } : { status: 'healthy', reasons: [`${c.ready} of ${c.desired} endpoints ready`] };
}
