import 'server-only';
import type { HealthStatus } from '@/lib/health/health-status';
import type { ChangeInput } from '../history/types';

/** One service's health in one cluster, as one telemetry poll saw it. */
export interface HealthSample {
  cluster: string;
  namespace: string;
  name: string;
  status: HealthStatus;
  reasons: readonly string[];
}

/** States a support engineer asks about; moves between the quiet ones (healthy, idle, unknown) are not changes. */
const NOTABLE: ReadonlySet<HealthStatus> = new Set(['degraded', 'failure']);

interface Seen {
  /** What was last recorded (or the baseline). */
  settled: HealthStatus;
  /** A different status seen on the last poll, waiting for a second one. */
  pending?: HealthStatus;
}

/**
 * A service's health per cluster changing, debounced: a new status counts
 * once two polls in a row agree, so one noisy window is not a change. The
 * first poll is the baseline. Unknown (no telemetry for that cluster) is
 * never a change: telemetry going away is not the service changing.
 */
export class HealthTracker {
  private readonly seen = new Map<string, Seen>();
  private primed = false;

  update(samples: readonly HealthSample[], at: string): ChangeInput[] {
    const out: ChangeInput[] = [];
    const present = new Set<string>();
    for (const s of samples) {
      const key = `${s.cluster}\u0000${s.namespace}\u0000${s.name}`;
      present.add(key);
      const seen = this.seen.get(key);
      if (!seen || !this.primed) {
        if (s.status !== 'unknown') this.seen.set(key, { settled: s.status });
        continue;
      }
      if (s.status === 'unknown' || s.status === seen.settled) {
        seen.pending = undefined;
        continue;
      }
      if (seen.pending !== s.status) {
        seen.pending = s.status;
        continue;
      }
      const before = seen.settled;
      seen.settled = s.status;
      seen.pending = undefined;
      if (!NOTABLE.has(before) && !NOTABLE.has(s.status)) continue;
      out.push({
        at, cluster: s.cluster, category: 'health', kind: 'ServiceHealth', namespace: s.namespace, name: s.name, action: 'changed',
        summary: `${s.name}.${s.namespace} in ${s.cluster}: ${before} → ${s.status}${s.reasons.length ? ` (${s.reasons.join('; ')})` : ''}`,
        diff: [{ path: 'health', before, after: s.status }],
        services: [`${s.namespace}/${s.name}`],
      });
    }
    // A service gone from a cluster starts afresh if it comes back.
    for (const k of this.seen.keys()) if (!present.has(k)) this.seen.delete(k);
    this.primed = true;
    return out;
  }
}
