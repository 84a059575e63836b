/**
 * The browser side of the render benchmark, bundled by topology-render.ts
 * with esbuild: the product's own graph engine (components/topology/graph-engine.ts,
 * which the page's wrapper calls) on a bare page, without React or Next.
 */
import type { Core } from 'cytoscape';
import { createGraph, fitGraph, nodePositions, showElements } from '../../components/topology/graph-engine';
import type { Topology } from '../../lib/api/topology';
import { aggregateByNamespace, isGrouped, type ViewElements } from '../../lib/topology-view/aggregate';
import { LARGE_GRAPH_NODES } from '../../lib/topology-view/graph-size';

/**
 * product: every node, as the page draws with `group=off`; aggregated: as the page opens (grouped by
 * namespace above the threshold, the folding included in the time); webgl: product with cytoscape's
 * experimental WebGL renderer; fcose: the path small graphs take (fcose, compound boxes), forced at any size.
 */
export type Variant = 'product' | 'aggregated' | 'webgl' | 'fcose';

export interface Rendered {
  createdMs: number;
  layoutMs: number;
  firstRenderMs: number;
}

declare global {
  interface Window {
    graph?: Core;
    renderGraph(elements: Topology['elements'], stored: Record<string, { x: number; y: number }> | null, variant: Variant): Promise<Rendered>;
    positions(): Record<string, { x: number; y: number }>;
  }
}

/** Resolves after the first painted frame once positions are final (the wrapper's `topology:rendered` moment). */
window.renderGraph = (all, stored, variant) =>
  new Promise((resolve) => {
    window.graph?.destroy();
    const t0 = performance.now();
    const elements: ViewElements = variant === 'aggregated' && isGrouped(all, 'auto') ? aggregateByNamespace(all, new Set()) : all;
    // The fcose variant gets the instance a graph just under the large size would get.
    const count = variant === 'fcose' ? Math.min(elements.nodes.length, LARGE_GRAPH_NODES) : elements.nodes.length;
    const grouped = elements !== all;
    const cy = (window.graph = createGraph(document.getElementById('cy'), count, false, variant === 'webgl' ? { webgl: true } : {}, grouped ? 'large' : undefined));
    const created = performance.now() - t0;
    showElements(cy, { elements, labelMode: 'rate', layout: 'fcose', stored: new Map(Object.entries(stored ?? {})) }, () => {
      const laidOut = performance.now() - t0;
      fitGraph(cy);
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ createdMs: created, layoutMs: laidOut - created, firstRenderMs: performance.now() - t0 })));
    });
  });

window.positions = () => Object.fromEntries(nodePositions(window.graph!));
