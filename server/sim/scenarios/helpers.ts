/** Small helpers shared by scenarios. */
import type { KubeObject } from '../kube/types';
import type { EdgeParams, ModelEdge } from '../telemetry/traffic-model';
import type { ScenarioCluster, ScenarioFleet } from './types';

/** The i-th cluster of the fleet, or the last one when there are fewer (scenarios work on any fleet). */
export function nthCluster(fleet: ScenarioFleet, i: number): ScenarioCluster {
  const c = fleet.clusters[Math.min(i, fleet.clusters.length - 1)];
  if (!c) throw new Error('the fleet has no clusters');
  return c;
}

const groupKey = (e: ModelEdge) => `${e.spec.source.cluster}/${e.spec.source.namespace}/${e.spec.source.workload}->${e.spec.destination.namespace}/${e.spec.destination.service}`;

/**
 * Moves traffic off edges for which `lost(edge)` is true onto their siblings
 * (same source, same service, other destinations), in proportion to the
 * siblings' rates; `residual` describes what is left on a lost edge.
 */
export function shiftTraffic(
  edges: ModelEdge[],
  lost: (e: ModelEdge) => boolean,
  residual: (e: ModelEdge) => Partial<EdgeParams>,
): Map<string, Partial<EdgeParams>> {
  const groups = new Map<string, ModelEdge[]>();
  for (const e of edges) {
    const k = groupKey(e);
    groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  const out = new Map<string, Partial<EdgeParams>>();
  for (const group of groups.values()) {
    const gone = group.filter(lost);
    if (!gone.length) continue;
    const stay = group.filter((e) => !lost(e));
    const moved = gone.reduce((a, e) => a + e.spec.rps - (residual(e).rps ?? 0), 0);
    const base = stay.reduce((a, e) => a + e.spec.rps, 0);
    for (const e of gone) out.set(e.id, residual(e));
    for (const e of stay) out.set(e.id, { rps: e.spec.rps + (base > 0 ? (moved * e.spec.rps) / base : 0) });
  }
  return out;
}

/** An adjuster from a map of edge id -> overrides. */
export const fromMap = (m: Map<string, Partial<EdgeParams>>) => (e: ModelEdge) => m.get(e.id);

/** Strips server-assigned metadata so an object can be re-applied as it was. */
export function restorable(obj: KubeObject): KubeObject {
  const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, generation: _g, managedFields: _mf, ...metadata } = obj.metadata;
  return { ...structuredClone(obj), metadata: structuredClone(metadata) as KubeObject['metadata'] };
}

/** Makes one edge's tail slower: its median stays, its p99 grows by `extraMs` (50 ms when the edge names none). */
export function slowerTail(fleet: ScenarioFleet, target: ModelEdge | undefined, extraMs: number): void {
  if (!target) return;
  fleet.model.setAdjuster((e) => {
    if (e.id !== target.id) return undefined;
    const l = e.spec.latency ?? { p50Ms: 10, p99Ms: 50 };
    return { latency: { p50Ms: l.p50Ms, p99Ms: l.p99Ms + extraMs } };
  });
}
