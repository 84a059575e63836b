import { worse, type Health, type HealthStatus } from './health-status';

/** One cluster's verdict about a global service. */
export interface ClusterHealth {
  cluster: string;
  health: Health;
}

const VERB: Partial<Record<HealthStatus, string>> = { failure: 'failing', degraded: 'degraded', 'not-ready': 'not ready' };

/**
 * Health of a global service from its clusters' verdicts: the worst status,
 * with reasons that name where, e.g. "failing in us-west-2 only: HTTP 5xx at
 * 12% (failure at 10%)", so the UI can tell one bad cluster from all of them.
 */
export function globalServiceHealth(parts: readonly ClusterHealth[]): Health {
  if (parts.length === 0) return { status: 'unknown', reasons: ['no cluster has this service'] };
  const status = parts.map((p) => p.health.status).reduce(worse);
  const verb = VERB[status];
  if (!verb) {
    const n = parts.filter((p) => p.health.status === status).length;
    const where = n === 1 ? `in ${parts.find((p) => p.health.status === status)!.cluster}` : `in ${n} clusters`;
    const word = status === 'healthy' ? 'healthy' : status === 'idle' ? 'no requests' : 'no telemetry';
    return { status, reasons: [`${word} ${where}`] };
  }
  const bad = parts.filter((p) => p.health.status === status);
  // "only" is worth saying when some other cluster actually serves the service well.
  const others = parts.filter((p) => p.health.status !== status && p.health.status !== 'unknown');
  const suffix = others.length > 0 ? ' only' : bad.length > 1 ? ' (every cluster)' : '';
  if (bad.length === 1) return { status, reasons: [`${verb} in ${bad[0]!.cluster}${suffix}: ${bad[0]!.health.reasons.join('; ')}`] };
  return { status, reasons: bad.map((p) => `${verb} in ${p.cluster}: ${p.health.reasons.join('; ')}`).concat(suffix === ' only' ? [`${verb} in ${bad.map((p) => p.cluster).join(', ')} only`] : []) };
}
