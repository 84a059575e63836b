import type { Graph } from './types';

/** Step 4: each edge's share (0..1) of destination-reported traffic over mutual TLS; null when only the source reported. */
export function mtlsStep(g: Graph): Graph {
  for (const e of g.edges.values()) e.mtlsShare = e.securedBase > 0 ? Math.min(1, e.mtlsRate / e.securedBase) : null;
  return g;
}
