import type { TopologyEdgeData, TopologyNodeData } from '../topology/elements';
import { formatMs, formatPercent, formatRate } from '../ui/format';

export type LabelMode = 'rate' | 'errors' | 'p95' | 'none';
export interface Position {
  x: number;
  y: number;
}

/** An element as cytoscape takes it, with the display fields the stylesheet reads. */
export interface CyElement {
  group: 'nodes' | 'edges';
  data: Record<string, unknown> & { id: string };
  position?: Position;
  classes?: string;
}

/** The edge label for a label mode: "12/s", "2.5%", "87 ms"; TCP edges show bytes for rate. */
export function edgeLabel(e: Pick<TopologyEdgeData, 'rps' | 'errorPercent' | 'p95Ms' | 'protocol' | 'tcpBytesPerSecond'>, mode: LabelMode): string {
  if (mode === 'none') return '';
  if (e.protocol === 'tcp') return mode === 'rate' ? `${Math.round(e.tcpBytesPerSecond)} B/s` : '';
  if (mode === 'rate') return formatRate(e.rps);
  if (mode === 'errors') return e.errorPercent > 0 ? formatPercent(e.errorPercent) : '';
  return e.p95Ms === null ? '' : formatMs(e.p95Ms);
}

/** Edge width from rate, on a log scale so one busy edge does not dwarf the rest. */
export function edgeWidth(rps: number): number {
  return Math.min(8, 1 + Math.log10(1 + Math.max(0, rps)) * 2);
}

/**
 * Shapes API elements for cytoscape: label text for the chosen mode, edge
 * width, classes (box kinds, cross-cluster, idle) and cached positions for
 * nodes that have one, so a refresh does not move what the user has seen.
 */
export function toCyElements(
  els: { nodes: { data: TopologyNodeData }[]; edges: { data: TopologyEdgeData }[] },
  mode: LabelMode,
  positions: ReadonlyMap<string, Position>,
): CyElement[] {
  const out: CyElement[] = [];
  // Parents must exist before their children are added: clusters, then namespaces, then the rest.
  const rank = (k: string) => (k === 'cluster' ? 0 : k === 'namespace' ? 1 : 2);
  const nodes = [...els.nodes].sort((a, b) => rank(a.data.kind) - rank(b.data.kind));
  for (const { data } of nodes) {
    const box = data.kind === 'cluster' || data.kind === 'namespace';
    const classes = [box ? `box ${data.kind}` : `node ${data.kind}`, data.idle ? 'idle' : ''].filter(Boolean).join(' ');
    const label = data.kind === 'cluster' ? `${data.name}${data.network ? ` · ${data.network}` : ''}` : data.kind === 'versionedApp' && data.version ? `${data.name} ${data.version}` : data.name;
    const pos = box ? undefined : positions.get(data.id);
    out.push({ group: 'nodes', data: { ...data, label, health: data.health ?? 'unknown' }, classes, ...(pos ? { position: { ...pos } } : {}) });
  }
  for (const { data } of els.edges) {
    const classes = [data.crossCluster ? 'cross-cluster' : '', data.crossNetwork ? 'cross-network' : '', data.protocol === 'tcp' ? 'tcp' : ''].filter(Boolean).join(' ');
    out.push({ group: 'edges', data: { ...data, label: edgeLabel(data, mode), width: edgeWidth(data.rps), health: data.health ?? 'unknown' }, classes });
  }
  return out;
}

/** Nodes (not boxes) that have no cached position: the layout has to place them. */
export function unplacedNodes(elements: readonly CyElement[]): string[] {
  return elements.filter((e) => e.group === 'nodes' && !String(e.classes).startsWith('box') && !e.position).map((e) => e.data.id);
}
