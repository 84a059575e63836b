import type { TelemetryClusterMismatch } from '@/lib/analysis/types';

/** What one cluster-label check saw, for deciding when to check again. */
export interface MismatchCheckOutcome {
  /** The published list; undefined when nothing could be published (no metrics yet, Prometheus unreachable). */
  list?: TelemetryClusterMismatch[];
  /** Fleet clusters that neither have metrics under their own name nor are named by a mismatch. */
  unaccounted: number;
}

export interface MismatchScheduleOptions {
  intervalMs: number;
  warmupIntervalMs: number;
}

/**
 * When to check next. A result is settled when it equals the previous one and
 * every fleet cluster is accounted for; until then Prometheus may still be
 * filling its window (a first check can see some clusters only), so checks
 * come sooner: the warm-up interval, doubled per unsettled check in a row, up
 * to the normal interval (an idle cluster is never accounted for and must not
 * keep the check fast forever).
 */
export function nextMismatchCheck(
  previous: TelemetryClusterMismatch[] | undefined,
  outcome: MismatchCheckOutcome,
  unsettledInARow: number,
  opts: MismatchScheduleOptions,
): { delayMs: number; unsettledInARow: number } {
  if (!outcome.list) return { delayMs: opts.warmupIntervalMs, unsettledInARow };
  const settled = outcome.unaccounted === 0 && previous !== undefined && sameMismatches(previous, outcome.list);
  if (settled) return { delayMs: opts.intervalMs, unsettledInARow: 0 };
  const delayMs = Math.min(opts.intervalMs, opts.warmupIntervalMs * 2 ** unsettledInARow);
  return { delayMs, unsettledInARow: unsettledInARow + 1 };
}

function key(m: TelemetryClusterMismatch): string {
  return `${m.cluster ?? ''}\u0000${m.telemetryCluster ?? ''}\u0000${m.detail ?? ''}`;
}

/** Same mismatches in any order. */
export function sameMismatches(a: TelemetryClusterMismatch[], b: TelemetryClusterMismatch[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map(key));
  return b.every((m) => keys.has(key(m)));
}
