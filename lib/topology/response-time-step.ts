import { edgeIdentities, type EdgeIdentities } from './node-identity';
import { pauseAfter, runToEnd, type Paced } from './paced';
import type { Graph, GraphType, TrafficSample } from './types';

/**
 * Step 5: p95 (ms) per edge from histogram_quantile series grouped by edge
 * labels and reporter. The destination's measurement wins; where several
 * series fall on one edge (app graphs merge versions) the slowest is shown.
 * `identities` should be the traffic step's, so each series finds its edge
 * without building nodes again.
 */
export function responseTimeStep(g: Graph, p95: readonly TrafficSample[], graphType: GraphType, identities: EdgeIdentities = edgeIdentities(graphType)): Graph {
  return runToEnd(responseTimeStepPaced(g, p95, graphType, identities));
}

/** responseTimeStep with pause points (lib/topology/paced.ts). */
export function* responseTimeStepPaced(g: Graph, p95: readonly TrafficSample[], graphType: GraphType, identities: EdgeIdentities = edgeIdentities(graphType)): Paced<Graph> {
  const best = new Map<string, { destination: number | undefined; source: number | undefined }>();
  for (let i = 0; i < p95.length; i++) {
    const s = p95[i]!;
    if (pauseAfter(i)) yield;
    if (!Number.isFinite(s.value)) continue;
    const id = identities.of(s).edgeId;
    let b = best.get(id);
    if (!b) best.set(id, (b = { destination: undefined, source: undefined }));
    if (s.metric.reporter === 'source') b.source = Math.max(b.source ?? -Infinity, s.value);
    else b.destination = Math.max(b.destination ?? -Infinity, s.value);
  }
  for (const e of g.edges.values()) {
    const b = best.get(e.id);
    const v = b?.destination ?? b?.source;
    e.p95Ms = v === undefined ? null : Math.round(v * 100) / 100;
  }
  return g;
}
