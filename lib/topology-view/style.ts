/** The cytoscape stylesheet: health colours, cluster/namespace boxes, dashed cross-cluster edges, cased HBONE edges, labels hidden when zoomed out. */
import { graphSize, type GraphSize } from './graph-size';

export const HEALTH_COLOURS = { failure: '#dc2626', degraded: '#d97706', 'not-ready': '#64748b', healthy: '#16a34a', idle: '#94a3b8', unknown: '#94a3b8' } as const;

/** The casing of HBONE (ambient) edges and the fill of waypoint nodes, per theme: violet, apart from every health colour. */
export function ambientColours(dark: boolean): { hbone: string; waypointFill: string } {
  return dark ? { hbone: '#a78bfa', waypointFill: '#2e1065' } : { hbone: '#7c3aed', waypointFill: '#ede9fe' };
}

export interface StyleRule {
  selector: string;
  style: Record<string, string | number | number[]>;
}

/**
 * The stylesheet; `large` graphs (see graph-size.ts) get the cheap variants: boxes are plain
 * rectangles sized by `data(w)`/`data(h)` drawn under edges and nodes and blind to the mouse,
 * and edges are straight haystack lines without arrows or dashes.
 */
export function topologyStyle(dark: boolean, large = false): StyleRule[] {
  const text = dark ? '#e2e8f0' : '#0f172a';
  const halo = dark ? '#0f172a' : '#ffffff';
  const ambient = ambientColours(dark);
  const rules: StyleRule[] = [
    {
      selector: 'node.node',
      style: {
        label: 'data(label)', 'font-size': 10, color: text, 'text-valign': 'bottom', 'text-margin-y': 3,
        'text-outline-color': halo, 'text-outline-width': 2, 'min-zoomed-font-size': 7,
        width: 22, height: 22, 'background-color': dark ? '#1e293b' : '#ffffff', 'border-width': 3, 'border-color': HEALTH_COLOURS.unknown,
      },
    },
    { selector: 'node.service', style: { shape: 'triangle' } },
    { selector: 'node.app, node.versionedApp', style: { shape: 'round-rectangle' } },
    { selector: 'node.gateway', style: { shape: 'diamond', width: 26, height: 26 } },
    // A waypoint is an L7 hop like a gateway, but per namespace or service: a hexagon on a violet fill.
    { selector: 'node.waypoint', style: { shape: 'hexagon', width: 28, height: 24, 'background-color': ambient.waypointFill } },
    { selector: 'node.serviceEntry, node.unknown, node.passthrough', style: { shape: 'round-tag', 'border-style': 'dashed' } },
    { selector: 'node.idle', style: { opacity: 0.55 } },
    // One node per namespace across clusters (aggregate.ts): bigger, bold label, double-click expands.
    { selector: 'node.namespaceGroup', style: { shape: 'round-rectangle', width: 'data(size)', height: 'data(size)', 'border-width': 4, 'font-size': 12, 'font-weight': 'bold', 'background-color': dark ? '#334155' : '#e2e8f0' } },
    {
      selector: 'node.box',
      style: {
        label: 'data(label)', 'text-valign': 'top', 'text-halign': 'center', 'font-size': 11, 'font-weight': 'bold', color: text,
        'min-zoomed-font-size': 5, 'background-opacity': 0.05, 'border-width': 1, padding: '12px', shape: 'round-rectangle',
      },
    },
    { selector: 'node.cluster', style: { 'background-color': '#3b82f6', 'border-color': dark ? '#475569' : '#94a3b8', 'font-size': 13 } },
    { selector: 'node.namespace', style: { 'background-color': '#64748b', 'border-style': 'dashed', 'border-color': dark ? '#334155' : '#cbd5e1' } },
    { selector: 'node.appBox', style: { 'background-color': '#0ea5e9', 'border-color': dark ? '#334155' : '#cbd5e1', 'font-size': 10, 'font-weight': 'normal' } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'arrow-scale': 0.8,
        'line-color': HEALTH_COLOURS.unknown, 'target-arrow-color': HEALTH_COLOURS.unknown,
        label: 'data(label)', 'font-size': 9, color: text, 'text-outline-color': halo, 'text-outline-width': 2, 'min-zoomed-font-size': 8, 'text-rotation': 'autorotate',
      },
    },
    { selector: 'edge.cross-cluster', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 3] } },
    { selector: 'edge.tcp', style: { 'target-arrow-shape': 'none' } },
    // HBONE: the health colour inside a violet casing, so it combines with the cross-cluster dashes (and survives large graphs' solid lines).
    { selector: 'edge.hbone', style: { 'line-outline-width': 1.5, 'line-outline-color': ambient.hbone } },
    { selector: ':selected', style: { 'overlay-color': '#3b82f6', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: '.faded', style: { opacity: 0.15 } },
  ];
  for (const [status, colour] of Object.entries(HEALTH_COLOURS)) {
    rules.push({ selector: `node.node[health = "${status}"]`, style: { 'border-color': colour } });
    rules.push({ selector: `edge[health = "${status}"]`, style: { 'line-color': colour, 'target-arrow-color': colour } });
  }
  if (large) {
    // Explicit z-order: boxes (outer first), then edges, then nodes, as compounds would draw them.
    rules.push(
      { selector: 'node.box.flat', style: { width: 'data(w)', height: 'data(h)', padding: 0, events: 'no', 'z-index-compare': 'manual', 'z-index': 0 } },
      { selector: 'node.box.flat.namespace', style: { 'z-index': 1 } },
      { selector: 'node.box.flat.appBox', style: { 'z-index': 2 } },
      // Edge labels only from ~1.6x zoom: at the fitted zoom of a grouped 5,000-node graph (1,100 edges) they were
      // a third of the first frame and unreadable anyway; the side panel lists each edge's figures.
      { selector: 'edge', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', 'z-index-compare': 'manual', 'z-index': 3, 'min-zoomed-font-size': 14 } },
      // Dashes cost a third of the first frame in software rendering at 5,000 nodes (docs/topology-rendering.md).
      { selector: 'edge.cross-cluster', style: { 'line-style': 'solid' } },
      { selector: 'node.node', style: { 'z-index-compare': 'manual', 'z-index': 4 } },
    );
  }
  return rules;
}

/** Renderer options that keep thousands of nodes responsive: edges hidden and a texture while panning, pixel ratio 1 when large. */
export function rendererOptions(nodeCount: number, size: GraphSize = graphSize(nodeCount)): Record<string, unknown> {
  return {
    hideEdgesOnViewport: size !== 'small',
    textureOnViewport: size !== 'small',
    motionBlur: false,
    pixelRatio: size === 'large' ? 1 : 'auto',
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
  };
}
