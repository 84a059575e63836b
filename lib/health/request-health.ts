import type { Health } from './health-status';
import { combineHealth } from './health-status';
import { DEFAULT_TOLERANCES, type ErrorClass, type Tolerance } from './tolerances';

/** Request rates (per second) over one window for one service, workload or edge. */
export interface RequestRates {
  total: number;
  http5xx: number;
  http4xx: number;
  grpc: number;
  noResponse: number;
}

const LABELS: Record<ErrorClass, string> = {
  http5xx: 'HTTP 5xx',
  http4xx: 'HTTP 4xx',
  grpc: 'gRPC errors',
  noResponse: 'requests with no response',
};

function formatPercent(p: number): string {
  return p >= 10 || p === 0 ? `${p.toFixed(0)}%` : p >= 0.1 ? `${p.toFixed(1)}%` : '<0.1%';
}

/** Judges one error class against its tolerance. */
function judge(rates: RequestRates, t: Tolerance): Health {
  const percent = (rates[t.errorClass] / rates.total) * 100;
  const label = LABELS[t.errorClass];
  if (percent >= t.failure) return { status: 'failure', reasons: [`${label} at ${formatPercent(percent)} (failure at ${t.failure}%)`] };
  const degraded = t.degradedInclusive ? percent >= t.degraded : percent > t.degraded;
  if (degraded) return { status: 'degraded', reasons: [`${label} at ${formatPercent(percent)} (degraded ${t.degradedInclusive ? 'at' : 'above'} ${t.degraded}%)`] };
  return { status: 'healthy', reasons: [] };
}

/**
 * Health from request rates with Kiali's tolerances (or configured ones).
 * No rates at all is 'unknown'; a zero total is 'idle', never healthy by default.
 */
export function requestHealth(rates: RequestRates | undefined, tolerances: readonly Tolerance[] = DEFAULT_TOLERANCES): Health {
  if (!rates) return { status: 'unknown', reasons: ['no telemetry'] };
  if (!(rates.total > 0)) return { status: 'idle', reasons: ['no requests in the window'] };
  const verdict = combineHealth(tolerances.map((t) => judge(rates, t)));
  return verdict.status === 'healthy' ? { status: 'healthy', reasons: ['error rates within tolerance'] } : verdict;
}
