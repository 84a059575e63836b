/** Finding nodes by name in the whole graph, for the search of a grouped page (GET /api/v1/topology/nodes). Pure. */
import type { TopologyNodeData } from '../topology/elements';

/** What the search shows of a node. */
export type FoundNode = Pick<TopologyNodeData, 'id' | 'kind' | 'cluster' | 'namespace' | 'name' | 'version'>;

const BOX: ReadonlySet<string> = new Set(['cluster', 'namespace', 'appBox']);

/** Nodes (boxes aside) whose name contains `text`, any case: whole-name matches first, then by name and id; at most `limit`. */
export function findNodes(nodes: ReadonlyArray<{ data: TopologyNodeData }>, text: string, limit = 50): FoundNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const hits: FoundNode[] = [];
  for (const { data: d } of nodes) {
    if (BOX.has(d.kind) || !d.name.toLowerCase().includes(needle)) continue;
    const n: FoundNode = { id: d.id, kind: d.kind, cluster: d.cluster, name: d.name };
    if (d.namespace !== undefined) n.namespace = d.namespace;
    if (d.version !== undefined) n.version = d.version;
    hits.push(n);
  }
  const exact = (n: FoundNode) => (n.name.toLowerCase() === needle ? 0 : 1);
  hits.sort((a, b) => exact(a) - exact(b) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return hits.slice(0, limit);
}
