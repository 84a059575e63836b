import type { Graph, GraphNode } from './types';

/** Options of the dead-node step. */
export interface DeadNodeOptions {
  /** Nodes the fleet knows (e.g. every workload); added as idle when they carry no traffic. */
  inventory?: readonly GraphNode[];
  hideIdle: boolean;
}

/**
 * Step 2: drops edges that carry nothing (zero or non-finite rates), then
 * either adds the fleet's idle nodes (so a silent workload still shows) or,
 * with hideIdle, removes every node left without an edge.
 */
export function deadNodesStep(g: Graph, opts: DeadNodeOptions): Graph {
  for (const [id, e] of g.edges) if (!(e.rates.total > 0) && !(e.tcpBytes > 0)) g.edges.delete(id);
  const linked = new Set<string>();
  for (const e of g.edges.values()) linked.add(e.source).add(e.target);
  for (const [id] of g.nodes) if (!linked.has(id)) g.nodes.delete(id);
  if (!opts.hideIdle) {
    for (const n of opts.inventory ?? []) if (!g.nodes.has(n.id)) g.nodes.set(n.id, { ...n, idle: true });
  }
  return g;
}
