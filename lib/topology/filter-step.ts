import type { Graph } from './types';

/** Which clusters and namespaces the caller asked for (the caller's scope is applied after, by scopeStep). */
export interface FilterOptions {
  clusters?: readonly string[];
  namespaces?: readonly string[];
}

/**
 * Keeps edges with at least one end in the asked clusters/namespaces (their
 * neighbours stay visible, as in Kiali), then removes any node left without
 * an edge or a reason to be there.
 */
export function filterStep(g: Graph, opts: FilterOptions): Graph {
  const cl = opts.clusters?.length ? new Set(opts.clusters) : undefined;
  const ns = opts.namespaces?.length ? new Set(opts.namespaces) : undefined;
  const selected = (id: string) => {
    const n = g.nodes.get(id);
    return !!n && (!cl || cl.has(n.cluster)) && (!ns || (n.namespace !== undefined && ns.has(n.namespace)));
  };
  for (const [id, e] of g.edges) {
    if (!(selected(e.source) || selected(e.target))) g.edges.delete(id);
  }
  const linked = new Set<string>();
  for (const e of g.edges.values()) linked.add(e.source).add(e.target);
  for (const [id] of g.nodes) if (!linked.has(id) && !selected(id)) g.nodes.delete(id);
  return g;
}
