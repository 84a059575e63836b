/**
 * Health of a service, workload or cluster instance. Ordered worst first;
 * 'idle' means reachable with no traffic, 'unknown' means no data to judge.
 */
export const HEALTH_STATUSES = ['failure', 'degraded', 'not-ready', 'healthy', 'idle', 'unknown'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** A verdict with the reasons that led to it, in words a user can act on. */
export interface Health {
  status: HealthStatus;
  reasons: string[];
}

const rank = (s: HealthStatus): number => HEALTH_STATUSES.indexOf(s);

/** The worse of two statuses. */
export function worse(a: HealthStatus, b: HealthStatus): HealthStatus {
  return rank(a) <= rank(b) ? a : b;
}

/**
 * Combines verdicts: the worst status wins, and the reasons of every verdict
 * that is as bad as the result are kept, so "failing because X and Y" reads whole.
 */
export function combineHealth(parts: Health[]): Health {
  if (parts.length === 0) return { status: 'unknown', reasons: ['no data'] };
  const status = parts.map((p) => p.status).reduce(worse);
  const reasons = parts.filter((p) => p.status === status).flatMap((p) => p.reasons);
  return { status, reasons };
}
