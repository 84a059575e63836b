import type { Graph } from './types';

/** Keeps the focus node and everything within `hops` edges of it, in either direction; an absent focus leaves an empty graph. */
export function focusStep(g: Graph, focus: string | undefined, hops: number): Graph {
  if (!focus) return g;
  const adjacent = new Map<string, string[]>();
  for (const e of g.edges.values()) {
    adjacent.set(e.source, [...(adjacent.get(e.source) ?? []), e.target]);
    adjacent.set(e.target, [...(adjacent.get(e.target) ?? []), e.source]);
  }
  const keep = new Set<string>();
  if (g.nodes.has(focus)) keep.add(focus);
  let frontier = [...keep];
  for (let i = 0; i < hops && frontier.length; i++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adjacent.get(id) ?? []) {
        if (keep.has(n)) continue;
        keep.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  for (const id of [...g.nodes.keys()]) if (!keep.has(id)) g.nodes.delete(id);
  for (const [id, e] of g.edges) if (!keep.has(e.source) || !keep.has(e.target)) g.edges.delete(id);
  return g;
}
