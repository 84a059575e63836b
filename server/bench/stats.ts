/** Small statistics helpers shared by the benchmark steps. */

/** The q-quantile (0..1) of a sample, nearest rank; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx]!;
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(values: readonly number[], digits = 1): Percentiles {
  const r = (x: number) => Number(x.toFixed(digits));
  return { n: values.length, p50: r(quantile(values, 0.5)), p95: r(quantile(values, 0.95)), p99: r(quantile(values, 0.99)), max: r(quantile(values, 1)) };
}

/** min/median/max of one figure over repeated runs: what the docs table shows. */
export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number[];
}

export function spread(runs: readonly number[], digits = 1): Spread {
  const r = (x: number) => Number(x.toFixed(digits));
  const finite = runs.filter((x) => Number.isFinite(x));
  return { min: r(quantile(finite, 0)), median: r(quantile(finite, 0.5)), max: r(quantile(finite, 1)), runs: finite.map(r) };
}

/** The field `key` of every run, as a spread (runs without it are left out). */
export function spreadOf<T>(runs: readonly T[], pick: (r: T) => number | undefined, digits = 1): Spread {
  return spread(runs.map(pick).filter((x): x is number => typeof x === 'number'), digits);
}

export const mib = (bytes: number) => Number((bytes / 2 ** 20).toFixed(1));
