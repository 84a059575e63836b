import type { TopologyEdgeData, TopologyNodeData } from '../topology/elements';

export interface Neighbour {
  direction: 'inbound' | 'outbound';
  /** The other end. */
  node: Pick<TopologyNodeData, 'id' | 'kind' | 'cluster' | 'namespace' | 'name'>;
  /** The cluster of this service's end. */
  localCluster: string;
  edge: Pick<TopologyEdgeData, 'rps' | 'errorPercent' | 'p95Ms' | 'protocol' | 'crossCluster' | 'health' | 'tcpBytesPerSecond'>;
}

/** Callers and callees of a global service in a graph: edges into or out of its nodes in any cluster, busiest first. */
export function serviceNeighbours(
  elements: { nodes: { data: TopologyNodeData }[]; edges: { data: TopologyEdgeData }[] },
  namespace: string,
  name: string,
): Neighbour[] {
  const nodes = new Map(elements.nodes.map((n) => [n.data.id, n.data]));
  const mine = (n: TopologyNodeData | undefined) => !!n && n.namespace === namespace && (n.service === name || n.app === name || n.name === name) && n.kind !== 'namespace';
  const out: Neighbour[] = [];
  for (const { data: e } of elements.edges) {
    const s = nodes.get(e.source);
    const t = nodes.get(e.target);
    if (!s || !t || (mine(s) && mine(t))) continue;
    if (mine(t)) out.push({ direction: 'inbound', node: s, localCluster: t.cluster, edge: e });
    else if (mine(s)) out.push({ direction: 'outbound', node: t, localCluster: s.cluster, edge: e });
  }
  return out.sort((a, b) => b.edge.rps - a.edge.rps || a.node.id.localeCompare(b.node.id));
}
