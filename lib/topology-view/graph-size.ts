/**
 * How a graph is drawn depends on its size (nodes, boxes included):
 * - small: fcose (or elk) with cluster/namespace boxes as compound nodes, full-quality rendering;
 * - medium (over 300): the same, with edges hidden and a texture while panning;
 * - large (over 500): the grid layout (grid-layout.ts), boxes as plain rectangles under the nodes,
 *   straight (haystack) edges without arrows, pixel ratio 1. Measured in docs/topology-rendering.md:
 *   fcose with boxes takes several seconds here from about 1,000 nodes on.
 */
export type GraphSize = 'small' | 'medium' | 'large';

export const MEDIUM_GRAPH_NODES = 300;
export const LARGE_GRAPH_NODES = 500;

export function graphSize(nodeCount: number): GraphSize {
  return nodeCount > LARGE_GRAPH_NODES ? 'large' : nodeCount > MEDIUM_GRAPH_NODES ? 'medium' : 'small';
}
