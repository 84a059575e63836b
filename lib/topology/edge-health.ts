import type { Health, HealthStatus } from '../health/health-status';
import { requestHealth, type RequestRates } from '../health/request-health';
import { DEFAULT_TOLERANCES, type Tolerance } from '../health/tolerances';

/**
 * The status requestHealth gives, without writing its reason strings: the
 * same comparisons, worst of failure > degraded > healthy over the tolerances.
 */
export function requestStatus(rates: RequestRates, tolerances: readonly Tolerance[] = DEFAULT_TOLERANCES): HealthStatus {
  if (!(rates.total > 0)) return 'idle';
  if (tolerances.length === 0) return 'unknown';
  let status: HealthStatus = 'healthy';
  for (const t of tolerances) {
    const percent = (rates[t.errorClass] / rates.total) * 100;
    if (percent >= t.failure) return 'failure';
    if (t.degradedInclusive ? percent >= t.degraded : percent > t.degraded) status = 'degraded';
  }
  return status;
}

/** A verdict whose reasons are written on first read, from the rates as they were when judged. */
class LazyRequestHealth implements Health {
  readonly status: HealthStatus;
  private readonly rates: RequestRates;
  private readonly tolerances: readonly Tolerance[];
  private written: string[] | undefined;

  constructor(rates: RequestRates, tolerances: readonly Tolerance[]) {
    this.rates = { total: rates.total, http5xx: rates.http5xx, http4xx: rates.http4xx, grpc: rates.grpc, noResponse: rates.noResponse };
    this.tolerances = tolerances;
    this.status = requestStatus(this.rates, tolerances);
  }

  get reasons(): string[] {
    return (this.written ??= requestHealth(this.rates, this.tolerances).reasons);
  }
}

/**
 * An edge's request health: equal to `requestHealth(rates, tolerances)`, but
 * the reason strings are made only when read. Only `?detail=edges` answers
 * show edge reasons; formatting them for every edge of a 5,000-node graph was
 * a good part of the health and gateway steps.
 */
export function edgeRequestHealth(rates: RequestRates, tolerances: readonly Tolerance[] = DEFAULT_TOLERANCES): Health {
  return new LazyRequestHealth(rates, tolerances);
}
