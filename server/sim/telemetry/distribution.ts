/** Latency and size distributions of the traffic model, and Istio's histogram buckets. */

/** Istio's default buckets for istio_request_duration_milliseconds. */
export const DURATION_BUCKETS_MS = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

/** Istio's buckets for the request/response size histograms (exponential, base 10). */
export const BYTE_BUCKETS = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];

// Abramowitz-Stegun 7.1.26; error < 1.5e-7, plenty for bucket fractions.
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return sign * y;
}

const Z99 = 2.3263478740408408;

/** A log-normal latency distribution fitted to a median and a 99th percentile. */
export class LogNormal {
  readonly mu: number;
  readonly sigma: number;
  constructor(p50Ms: number, p99Ms: number) {
    const p50 = Math.max(p50Ms, 0.01);
    const p99 = Math.max(p99Ms, p50 * 1.0001);
    this.mu = Math.log(p50);
    this.sigma = (Math.log(p99) - this.mu) / Z99;
  }

  /** P(X <= x). */
  cdf(x: number): number {
    if (x <= 0) return 0;
    return 0.5 * (1 + erf((Math.log(x) - this.mu) / (this.sigma * Math.SQRT2)));
  }

  mean(): number {
    return Math.exp(this.mu + (this.sigma * this.sigma) / 2);
  }

  /** The q-quantile (inverse CDF by bisection on the log scale). */
  quantile(q: number): number {
    let lo = -20;
    let hi = 25;
    for (let i = 0; i < 80; i++) {
      const mid = (lo + hi) / 2;
      if (this.cdf(Math.exp(mid)) < q) lo = mid;
      else hi = mid;
    }
    return Math.exp((lo + hi) / 2);
  }
}

/** Cumulative fractions per bucket upper bound for a point mass at `size` (all messages the same size). */
export function pointMassFractions(size: number, buckets: number[]): number[] {
  return buckets.map((le) => (size <= le ? 1 : 0));
}
