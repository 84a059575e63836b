import { destinationNode, edgeId, sourceCluster, sourceNode } from './node-identity';
import type { Graph, GraphType, TrafficSample } from './types';

/**
 * Step 5: p95 (ms) per edge from histogram_quantile series grouped by edge
 * labels and reporter. The destination's measurement wins; where several
 * series fall on one edge (app graphs merge versions) the slowest is shown.
 */
export function responseTimeStep(g: Graph, p95: readonly TrafficSample[], graphType: GraphType): Graph {
  const best = new Map<string, { destination?: number; source?: number }>();
  for (const s of p95) {
    if (!Number.isFinite(s.value)) continue;
    const m = s.metric;
    const reporter = m.reporter === 'source' ? 'source' : 'destination';
    const scrape = reporter === 'source' ? s.scrapeCluster : undefined;
    const src = sourceNode(m, graphType, scrape);
    const dst = destinationNode(m, graphType, sourceCluster(m, scrape));
    const id = edgeId(src.id, dst.id, m.request_protocol || 'http');
    const b = best.get(id) ?? {};
    b[reporter] = Math.max(b[reporter] ?? -Infinity, s.value);
    best.set(id, b);
  }
  for (const e of g.edges.values()) {
    const b = best.get(e.id);
    const v = b?.destination ?? b?.source;
    e.p95Ms = v === undefined ? null : Math.round(v * 100) / 100;
  }
  return g;
}
