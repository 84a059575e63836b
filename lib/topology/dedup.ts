import { requestKey, scrapedAtSource, sourceCluster } from './node-identity';
import { pauseAfter, runToEnd, type Paced } from './paced';
import type { TrafficSample } from './types';

/**
 * Visits, in order, the index of each report to keep, one reporter per
 * request: a waypoint's where it exists (ambient: the waypoint is the only L7
 * proxy on the path, and a sidecar server behind it would report the same
 * request again), else the destination's (it saw the request arrive, and
 * knows the TLS mode), else the source's, for requests nobody else reported
 * (destination_workload "unknown", a remote Prometheus that did not answer).
 * Other reporters and non-finite values are dropped. `keyOf(i)` is the
 * request key of sample i; callers that already resolved each sample pass a
 * lookup, so no key is built twice.
 */
export function forEachKeptReport(samples: readonly TrafficSample[], keyOf: (i: number) => string, visit: (i: number) => void): void {
  runToEnd(forEachKeptReportPaced(samples, keyOf, visit));
}

/** forEachKeptReport with pause points (lib/topology/paced.ts). */
export function* forEachKeptReportPaced(samples: readonly TrafficSample[], keyOf: (i: number) => string, visit: (i: number) => void): Paced<void> {
  const withDestination = new Set<string>();
  const withWaypoint = new Set<string>();
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (Number.isFinite(s.value)) {
      const r = s.metric.reporter;
      if (r === 'destination') withDestination.add(keyOf(i));
      else if (r === 'waypoint') withWaypoint.add(keyOf(i));
    }
    if (pauseAfter(i)) yield;
  }
  // Without waypoint reports (sidecar-only fleets) no destination report needs a look-up.
  const waypoints = withWaypoint.size > 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    if (pauseAfter(i)) yield;
    if (!Number.isFinite(s.value)) continue;
    const r = s.metric.reporter;
    if (r === 'waypoint') visit(i);
    else if (r === 'destination') {
      if (!waypoints || !withWaypoint.has(keyOf(i))) visit(i);
    } else if (r === 'source') {
      const k = keyOf(i);
      if (!withDestination.has(k) && (!waypoints || !withWaypoint.has(k))) visit(i);
    }
  }
}

/** Keeps one report per request (see forEachKeptReport). */
export function dedupReports(samples: readonly TrafficSample[]): TrafficSample[] {
  const keyOf = (i: number) => {
    const m = samples[i]!.metric;
    return requestKey(m, sourceCluster(m, scrapedAtSource(m.reporter) ? samples[i]!.scrapeCluster : undefined));
  };
  const out: TrafficSample[] = [];
  forEachKeptReport(samples, keyOf, (i) => out.push(samples[i]!));
  return out;
}

