import type { TopologyEdgeData } from '../topology/elements';
import { formatMs, formatPercent, formatRate } from '../ui/format';
import type { ViewEdgeData, ViewNodeData } from './aggregate';
import type { GridItem, Rect } from './grid-layout';

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

type Elements = { nodes: { data: ViewNodeData }[]; edges: { data: ViewEdgeData }[] };

/** Cluster, namespace and app boxes: drawn around nodes, never selected as one. */
export const isBoxKind = (kind: string) => kind === 'cluster' || kind === 'namespace' || kind === 'appBox';

/** The node tree the grid layout works on (boxes and nodes with their parent box). */
export function gridItems(els: Pick<Elements, 'nodes'>): GridItem[] {
  return els.nodes.map(({ data }) => ({ id: data.id, parent: data.parent, box: isBoxKind(data.kind) }));
}

/**
 * Shapes API elements for cytoscape: label text for the chosen mode, edge
 * width, classes (box kinds, cross-cluster, HBONE, idle) and cached positions for
 * nodes that have one, so a refresh does not move what the user has seen.
 * With `flatBoxes` (large graphs) boxes are not compound parents but plain
 * nodes of the given rectangle drawn under the rest, and nothing has a
 * parent: cytoscape's compound bookkeeping costs most of a large graph's
 * render time; a box without a rectangle (nothing in it) is left out.
 */
export function toCyElements(els: Elements, mode: LabelMode, positions: ReadonlyMap<string, Position>, flatBoxes?: ReadonlyMap<string, Rect>): CyElement[] {
  const out: CyElement[] = [];
  // Parents must exist before their children are added: clusters, then namespaces, then app boxes, then the rest.
  const rank = (k: string) => (k === 'cluster' ? 0 : k === 'namespace' ? 1 : k === 'appBox' ? 2 : 3);
  const nodes = [...els.nodes].sort((a, b) => rank(a.data.kind) - rank(b.data.kind));
  for (const { data } of nodes) {
    const box = isBoxKind(data.kind);
    const rect = box ? flatBoxes?.get(data.id) : undefined;
    if (box && flatBoxes && !rect) continue;
    const classes = [box ? `box ${data.kind}` : `node ${data.kind}`, rect ? 'flat' : '', data.idle ? 'idle' : ''].filter(Boolean).join(' ');
    const label =
      data.kind === 'cluster' ? `${data.name}${data.network ? ` · ${data.network}` : ''}`
      : data.kind === 'versionedApp' && data.version ? `${data.name} ${data.version}`
      : data.kind === 'namespaceGroup' ? `${data.name} (${data.members ?? 0})`
      : data.name;
    const pos = rect ? { x: rect.x, y: rect.y } : box ? undefined : positions.get(data.id);
    const shaped: CyElement['data'] = { ...data, label, health: data.health ?? 'unknown', ...(rect ? { w: rect.w, h: rect.h } : {}) };
    // A namespace group grows slowly with what it stands for.
    if (data.kind === 'namespaceGroup') shaped.size = Math.round(Math.min(64, 30 + 4 * Math.log2(1 + (data.members ?? 0))));
    if (flatBoxes) delete shaped.parent;
    out.push({ group: 'nodes', data: shaped, classes, ...(pos ? { position: { ...pos } } : {}) });
  }
  for (const { data } of els.edges) {
    const classes = [data.crossCluster ? 'cross-cluster' : '', data.crossNetwork ? 'cross-network' : '', data.protocol === 'tcp' ? 'tcp' : '', data.hbone ? 'hbone' : ''].filter(Boolean).join(' ');
    out.push({ group: 'edges', data: { ...data, label: edgeLabel(data, mode), width: edgeWidth(data.rps), health: data.health ?? 'unknown' }, classes });
  }
  return out;
}

/** Nodes (not boxes) that have no cached position: the layout has to place them. */
export function unplacedNodes(elements: readonly CyElement[]): string[] {
  return elements.filter((e) => e.group === 'nodes' && !String(e.classes).startsWith('box') && !e.position).map((e) => e.data.id);
}
