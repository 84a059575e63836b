import type { Graph } from './types';

/** Which clusters and namespaces the caller asked for, and what the caller may see. */
export interface FilterOptions {
  clusters?: readonly string[];
  namespaces?: readonly string[];
  /** Visibility of the caller (server-side access control): nodes outside it are removed with their edges. */
  allows?: (cluster: string, namespace: string | undefined) => boolean;
}

/**
 * Keeps edges with at least one end in the asked clusters/namespaces (their
 * neighbours stay visible, as in Kiali), then removes whatever the caller may
 * not see and any node left without an edge or a reason to be there.
 */
export function filterStep(g: Graph, opts: FilterOptions): Graph {
  const cl = opts.clusters?.length ? new Set(opts.clusters) : undefined;
  const ns = opts.namespaces?.length ? new Set(opts.namespaces) : undefined;
  const selected = (id: string) => {
    const n = g.nodes.get(id);
    return !!n && (!cl || cl.has(n.cluster)) && (!ns || (n.namespace !== undefined && ns.has(n.namespace)));
  };
  const visible = (id: string) => {
    const n = g.nodes.get(id);
    return !!n && (!opts.allows || opts.allows(n.cluster, n.namespace));
  };
  for (const [id, e] of g.edges) {
    if (!(selected(e.source) || selected(e.target)) || !visible(e.source) || !visible(e.target)) g.edges.delete(id);
  }
  const linked = new Set<string>();
  for (const e of g.edges.values()) linked.add(e.source).add(e.target);
  for (const [id] of g.nodes) if (!linked.has(id) && (!selected(id) || !visible(id))) g.nodes.delete(id);
  return g;
}
