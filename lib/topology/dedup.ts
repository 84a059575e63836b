import { requestKey, sourceCluster } from './node-identity';
import { pauseAfter, runToEnd, type Paced } from './paced';
import type { TrafficSample } from './types';

/**
 * Visits, in order, the index of each report to keep: the destination's where
 * it exists (it saw the request arrive, and knows the TLS mode), the source's
 * only for requests the destination never reported (destination_workload
 * "unknown", a remote Prometheus that did not answer). Non-finite values are
 * dropped. `keyOf(i)` is the request key of sample i; callers that already
 * resolved each sample pass a lookup, so no key is built twice.
 */
export function forEachKeptReport(samples: readonly TrafficSample[], keyOf: (i: number) => string, visit: (i: number) => void): void {
  runToEnd(forEachKeptReportPaced(samples, keyOf, visit));
}

/** forEachKeptReport with pause points (lib/topology/paced.ts). */
export function* forEachKeptReportPaced(samples: readonly TrafficSample[], keyOf: (i: number) => string, visit: (i: number) => void): Paced<void> {
  const withDestination = new Set<string>();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (s.metric.reporter === 'destination' && Number.isFinite(s.value)) withDestination.add(keyOf(i));
    if (pauseAfter(i)) yield;
  }
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (pauseAfter(i)) yield;
    if (!Number.isFinite(s.value)) continue;
    if (s.metric.reporter === 'destination' || (s.metric.reporter === 'source' && !withDestination.has(keyOf(i)))) visit(i);
  }
}

/** Keeps one report per request (see forEachKeptReport). */
export function dedupReports(samples: readonly TrafficSample[]): TrafficSample[] {
  const keyOf = (i: number) => {
    const m = samples[i]!.metric;
    return requestKey(m, sourceCluster(m, m.reporter === 'source' ? samples[i]!.scrapeCluster : undefined));
  };
  const out: TrafficSample[] = [];
  forEachKeptReport(samples, keyOf, (i) => out.push(samples[i]!));
  return out;
}
