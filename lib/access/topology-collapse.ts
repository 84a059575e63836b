/**
 * Collapses a graph to what a caller may see: every node outside the view
 * becomes one "outside your workspaces" node, and the edges that reached
 * them merge into one edge per visible endpoint and direction. Names,
 * counts and labels of outside nodes never survive.
 */

/** The id of the single node that stands for everything outside the caller's workspaces. */
export const OUTSIDE_NODE_ID = 'outside-your-workspaces';

/** The label shown for that node. */
export const OUTSIDE_NODE_LABEL = 'outside your workspaces';

/** The minimum an edge needs for collapsing. */
export interface EdgeLike {
  source: string;
  target: string;
}

export interface CollapseOptions<N, E extends EdgeLike> {
  nodeId(node: N): string;
  /** Whether the caller may see this node (its cluster and namespace are in scope). */
  visible(node: N): boolean;
  /** The node that stands for the outside, built with no data from outside nodes. */
  outsideNode(): N;
  /**
   * Builds the merged edge between a visible node and the outside from the
   * edges it replaces. It must only carry aggregates (e.g. summed rates),
   * never the ids of the edges' outside ends.
   */
  mergeEdges(source: string, target: string, edges: readonly E[]): E;
}

/** Applies the view: visible nodes and edges unchanged, outside collapsed, outside-to-outside edges dropped. */
export function collapseOutside<N, E extends EdgeLike>(nodes: readonly N[], edges: readonly E[], opts: CollapseOptions<N, E>): { nodes: N[]; edges: E[] } {
  const visibleIds = new Set<string>();
  const kept: N[] = [];
  for (const n of nodes) {
    if (opts.visible(n)) {
      visibleIds.add(opts.nodeId(n));
      kept.push(n);
    }
  }
  const out: E[] = [];
  const merged = new Map<string, { source: string; target: string; edges: E[] }>();
  for (const e of edges) {
    const s = visibleIds.has(e.source);
    const t = visibleIds.has(e.target);
    if (s && t) {
      out.push(e);
      continue;
    }
    if (!s && !t) continue;
    const source = s ? e.source : OUTSIDE_NODE_ID;
    const target = t ? e.target : OUTSIDE_NODE_ID;
    const key = `${source}\u0000${target}`;
    const bucket = merged.get(key) ?? { source, target, edges: [] };
    bucket.edges.push(e);
    merged.set(key, bucket);
  }
  for (const b of merged.values()) out.push(opts.mergeEdges(b.source, b.target, b.edges));
  if (merged.size > 0) kept.push(opts.outsideNode());
  return { nodes: kept, edges: out };
}
