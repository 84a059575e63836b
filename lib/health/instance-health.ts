import { combineHealth, type Health } from './health-status';
import { readinessHealth, type ReadinessCounts } from './readiness-health';
import { requestHealth, type RequestRates } from './request-health';
import { DEFAULT_TOLERANCES, type Tolerance } from './tolerances';

/**
 * Health of one cluster's instance of a service: request health combined with
 * its endpoints and proxy sync. A cluster that has the Service only for DNS
 * (no endpoints) and sees no traffic is idle, not failing.
 */
export function serviceInstanceHealth(rates: RequestRates | undefined, readiness: ReadinessCounts | undefined, tolerances: readonly Tolerance[] = DEFAULT_TOLERANCES): Health {
  const requests = requestHealth(rates, tolerances);
  if (!readiness) return requests;
  if (readiness.desired === 0) {
    if (requests.status === 'idle' || requests.status === 'unknown') return { status: 'idle', reasons: ['no endpoints in this cluster'] };
    return requests;
  }
  return combineHealth([requests, readinessHealth(readiness)]);
}

/** Kiali's workload rule: the worse of request health and replicas (with proxy sync). */
export function workloadHealth(rates: RequestRates | undefined, readiness: ReadinessCounts | undefined, tolerances: readonly Tolerance[] = DEFAULT_TOLERANCES): Health {
  const requests = requestHealth(rates, tolerances);
  return readiness ? combineHealth([requests, readinessHealth(readiness)]) : requests;
}
