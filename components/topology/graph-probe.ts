/**
 * A read-only look at the drawn graph for end-to-end tests and support: the
 * zoom, and each label's size on screen, which the canvas does not expose.
 */
import type { Core, SingularElementArgument } from 'cytoscape';

export interface LabelProbe {
  id: string;
  label: string;
  /** Font size on screen, in CSS pixels (the style's size times the zoom). */
  screenPx: number;
  /** Whether cytoscape draws it at this zoom (not empty, not under min-zoomed-font-size, not decluttered away). */
  shown: boolean;
}

/** One node as drawn. */
export interface NodeProbe {
  borderColor: string;
  selected: boolean;
  /** Whether its centre is inside the canvas. */
  onScreen: boolean;
}

export interface TopologyProbe {
  zoom(): number;
  node(id: string): NodeProbe | undefined;
  /** Labels of nodes (not boxes), of boxes (clusters, namespaces, apps) and of edges. */
  labels(kind: 'nodes' | 'boxes' | 'edges'): LabelProbe[];
}

/** The window property the probe sits on. */
export const PROBE_KEY = '__meshglassTopology';

function probe(el: SingularElementArgument, zoom: number): LabelProbe {
  const label = String(el.style('label') ?? '');
  const screenPx = Number(el.numericStyle('font-size')) * zoom;
  const min = Number(el.numericStyle('min-zoomed-font-size'));
  const opaque = Number(el.style('text-opacity')) > 0;
  return { id: el.id(), label, screenPx, shown: label !== '' && opaque && el.visible() && screenPx >= min };
}

/** Puts the probe on `window` for this instance; returns its removal. */
export function installProbe(cy: Core): () => void {
  const target = window as unknown as Record<string, TopologyProbe | undefined>;
  const selectors = { nodes: 'node.node', boxes: 'node.box', edges: 'edge' } as const;
  const mine: TopologyProbe = {
    zoom: () => cy.zoom(),
    node: (id) => {
      const n = cy.getElementById(id);
      if (n.empty()) return undefined;
      const p = n.renderedPosition();
      return { borderColor: String(n.style('border-color')), selected: n.selected(), onScreen: p.x >= 0 && p.y >= 0 && p.x <= cy.width() && p.y <= cy.height() };
    },
    labels: (kind) => cy.elements(selectors[kind]).map((el) => probe(el, cy.zoom())),
  };
  target[PROBE_KEY] = mine;
  return () => {
    if (target[PROBE_KEY] === mine) delete target[PROBE_KEY];
  };
}
