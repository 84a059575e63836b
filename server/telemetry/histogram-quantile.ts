import 'server-only';

/**
 * A quantile from cumulative histogram bucket rates, the way PromQL's
 * histogram_quantile computes it: linear interpolation inside the bucket the
 * rank falls in, the last finite bound when it falls in +Inf. Computing it here
 * lets one bucket query serve p50/p95/p99 and merge clusters exactly.
 * Returns null when there is no data.
 */
export function bucketQuantile(q: number, buckets: Map<number, number> | Array<[number, number]>): number | null {
  const sorted = [...buckets].filter(([le, v]) => !Number.isNaN(le) && Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
  const last = sorted.at(-1);
  if (!last || last[0] !== Infinity || sorted.length < 2) return null;
  // Rates of cumulative counters can dip from scrape jitter; keep them monotonic.
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]![1];
    if (sorted[i]![1] < prev) sorted[i]![1] = prev;
  }
  const count = last[1];
  if (!(count > 0)) return null;
  const rank = q * count;
  let i = sorted.findIndex(([, v]) => v >= rank);
  if (i < 0) i = sorted.length - 1;
  if (i === sorted.length - 1) return sorted[sorted.length - 2]![0];
  const [upper, upperCount] = sorted[i]!;
  const [lower, lowerCount] = i === 0 ? [upper > 0 ? 0 : upper, 0] : sorted[i - 1]!;
  if (i === 0 && upper <= 0) return upper;
  const inBucket = upperCount - lowerCount;
  if (!(inBucket > 0)) return upper;
  return lower + (upper - lower) * ((rank - lowerCount) / inBucket);
}

/** Parses an `le` label value ('+Inf', '25', '1e+06'). */
export function parseLe(le: string | undefined): number {
  if (le === undefined) return NaN;
  return le === '+Inf' ? Infinity : Number(le);
}
