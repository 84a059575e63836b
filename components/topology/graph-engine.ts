/**
 * What the topology wrapper does with cytoscape, without React: create an
 * instance for a graph size, apply elements (diff, positions, layout). The
 * wrapper (cytoscape-graph.tsx) and the benchmark harness (e2e/bench) both
 * call these, so the benchmark measures the product's own choices.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import elk from 'cytoscape-elk';
import fcose from 'cytoscape-fcose';
import type { ViewElements } from '@/lib/topology-view/aggregate';
import { gridItems, toCyElements, unplacedNodes, type CyElement, type LabelMode, type Position } from '@/lib/topology-view/elements';
import { boxRects, gridLayout, placeNew } from '@/lib/topology-view/grid-layout';
import { graphSize, type GraphSize } from '@/lib/topology-view/graph-size';
import { layoutOptions } from '@/lib/topology-view/layout';
import { rendererOptions, topologyStyle } from '@/lib/topology-view/style';
import { followZoom, labelRulesFor, syncLabels } from './label-fit';

let registered = false;
function register() {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(elk);
  registered = true;
}

const SIZE = 'meshglass.size';
const APPLIED = 'meshglass.applied';
const DARK = 'meshglass.dark';
const sizeOf = (cy: Core): GraphSize => cy.scratch(SIZE) as GraphSize;
const isLarge = (cy: Core) => sizeOf(cy) === 'large';

// Problems stand out at a fitted zoom too, where a border is a couple of pixels: a tinted fill as well (light, dark).
const PROBLEM_FILL = { failure: ['#fee2e2', '#7f1d1d'], degraded: ['#fef3c7', '#78350f'] } as const;

/** Style for an instance: the large variant when it was made for a large graph, with label sizes for its zoom (label-fit.ts). */
export function styleFor(cy: Core, dark: boolean) {
  cy.scratch(DARK, dark);
  const base = topologyStyle(dark, isLarge(cy));
  const fills = Object.entries(PROBLEM_FILL).map(([health, [light, night]]) => ({ selector: `node.node[health = "${health}"]`, style: { 'background-color': dark ? night : light } }));
  return [...base, ...fills, ...labelRulesFor(cy, base, isLarge(cy))];
}

const restyle = (cy: Core) => void cy.style(styleFor(cy, cy.scratch(DARK) === true) as never);

/** The id cytoscape checks before it adds its one-rule `<style>` to <head>. */
export const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

/**
 * Stops cytoscape injecting its stylesheet: a `<style>` made by script has no
 * nonce, and prerendered pages have none to give, so the page CSP refuses it.
 * Cytoscape skips the injection when an element with its id exists; its one
 * rule (container `position: relative`) is on the wrapper's container instead.
 */
export function claimCytoscapeStylesheet(doc: Document | undefined): void {
  if (!doc || doc.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const placeholder = doc.createElement('meta');
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  placeholder.setAttribute('name', 'cytoscape-stylesheet');
  placeholder.setAttribute('content', 'position: relative is set on the container');
  doc.head.appendChild(placeholder);
}

/**
 * A cytoscape instance for a graph of `nodeCount` nodes (boxes included), of
 * that count's size class unless `size` says otherwise (a graph grouped by
 * namespace is drawn as large: few nodes but dense edges, see aggregate.ts).
 * Cytoscape reads renderer options only here, so callers make a new instance
 * when the graph changes size class (graphSize).
 */
export function createGraph(container: HTMLElement | null, nodeCount: number, dark: boolean, extra: Record<string, unknown> = {}, size: GraphSize = graphSize(nodeCount)): Core {
  register();
  claimCytoscapeStylesheet(container?.ownerDocument);
  const cy = cytoscape({ container, ...rendererOptions(nodeCount, size), ...extra });
  cy.scratch(SIZE, size);
  cy.style(styleFor(cy, dark) as never);
  followZoom(cy, size === 'large', () => restyle(cy));
  return cy;
}

// Room around the fitted drawing, in screen pixels: box names sit above the boxes, node names under the nodes.
const FIT_PAD = { x: 24, top: 36, bottom: 30 };
const FIT_MAX_ZOOM = 2;

/**
 * Fits the drawing to its nodes (boxes included) without their labels, then
 * sizes labels for the zoom it got. Labels grow as the zoom falls
 * (label-fit.ts): a fit that counted them would shrink the graph for labels
 * drawn bigger because it shrank. Nor are edges measured: on large graphs
 * that measured every edge label, and edges run between nodes anyway.
 * Namespace groups sit outside every box, so a fit to the boxes alone left
 * them off screen.
 */
export function fitGraph(cy: Core): void {
  const nodes = cy.nodes();
  if (nodes.nonempty()) {
    const bb = nodes.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false } as never);
    const w = cy.width();
    const h = cy.height() - FIT_PAD.top - FIT_PAD.bottom;
    const fit = Math.min((w - 2 * FIT_PAD.x) / Math.max(bb.w, 1), h / Math.max(bb.h, 1));
    const zoom = Math.min(FIT_MAX_ZOOM, Math.max(cy.minZoom(), fit));
    cy.viewport({ zoom, pan: { x: (w - zoom * (bb.x1 + bb.x2)) / 2, y: FIT_PAD.top + (h - zoom * (bb.y1 + bb.y2)) / 2 } });
  }
  syncLabels(cy, isLarge(cy), () => restyle(cy), true);
}

export interface ShowInput {
  elements: ViewElements;
  labelMode: LabelMode;
  layout: 'fcose' | 'elk';
  /** Positions kept from an earlier visit (localStorage). */
  stored: ReadonlyMap<string, Position>;
}

/** Adds new elements in one call, removes gone ones and updates changed ones (data compared as JSON: a style pass per element is dear). */
function applyDiff(cy: Core, next: readonly CyElement[]): void {
  const applied = (cy.scratch(APPLIED) as Map<string, string> | undefined) ?? new Map<string, string>();
  const ids = new Set(next.map((e) => e.data.id));
  cy.batch(() => {
    cy.elements().filter((e) => !ids.has(e.id())).remove();
    const added: ElementDefinition[] = [];
    for (const el of next) {
      const json = JSON.stringify(el.data);
      const have = cy.getElementById(el.data.id);
      if (have.nonempty()) {
        if (applied.get(el.data.id) !== json) {
          have.data(el.data);
          have.classes(el.classes ?? '');
        }
        // Flat boxes follow their contents' rectangle.
        if (String(el.classes).startsWith('box') && el.position) have.position(el.position);
      } else {
        added.push(el as ElementDefinition);
      }
      applied.set(el.data.id, json);
    }
    for (const id of applied.keys()) if (!ids.has(id)) applied.delete(id);
    // One add for all new elements: thousands of single adds cost seconds at 5,000 nodes.
    if (added.length) cy.add(added);
  });
  cy.scratch(APPLIED, applied);
}

/** Large graphs: positions from the screen, then storage, then the grid; boxes drawn around them. */
function showLarge(cy: Core, input: ShowInput): void {
  const items = gridItems(input.elements);
  const positions = new Map<string, Position>();
  const onScreen = new Map<string, Position>();
  cy.nodes('.node').forEach((n) => void onScreen.set(n.id(), { ...n.position() }));
  const unplaced: string[] = [];
  for (const it of items) {
    if (it.box) continue;
    const p = onScreen.get(it.id) ?? input.stored.get(it.id);
    if (p) positions.set(it.id, p);
    else unplaced.push(it.id);
  }
  if (unplaced.length) {
    const more = positions.size ? placeNew(items, positions, unplaced) : gridLayout(items);
    for (const [id, p] of more) positions.set(id, p);
  }
  applyDiff(cy, toCyElements(input.elements, input.labelMode, positions, boxRects(items, positions)));
}

/**
 * Shows `input` on `cy`. Nodes on screen keep their place; new ones take a
 * stored position, else a layout places them: the grid on large graphs
 * (synchronous), fcose or elk otherwise, with the placed nodes locked.
 * `done(laidOut)` runs once positions are final; `laidOut` tells whether
 * anything was placed (so the caller saves positions).
 */
export function showElements(cy: Core, input: ShowInput, then: (laidOut: boolean) => void): void {
  // New elements change what covers what (and whether labels follow the zoom at all).
  const done = (laidOut: boolean) => {
    syncLabels(cy, isLarge(cy), () => restyle(cy), true);
    then(laidOut);
  };
  if (sizeOf(cy) === 'large') {
    const before = cy.nodes('.node').length;
    showLarge(cy, input);
    done(cy.nodes('.node').length !== before);
    return;
  }
  const stored = new Map(input.stored);
  cy.nodes('.node').forEach((n) => void stored.set(n.id(), n.position()));
  const next = toCyElements(input.elements, input.labelMode, stored);
  applyDiff(cy, next);
  const unplaced = unplacedNodes(next);
  if (unplaced.length === 0) {
    done(false);
    return;
  }
  const all = cy.nodes('.node');
  const some = unplaced.length < all.length;
  const waiting = new Set(unplaced);
  const placed = all.filter((n) => !waiting.has(n.id()));
  if (some) placed.lock();
  const run = cy.layout(layoutOptions(input.layout, next.length, some) as never);
  run.one('layoutstop', () => {
    placed.unlock();
    done(true);
  });
  run.run();
}

/** Every node's position (not boxes): what is kept for the next visit. */
export function nodePositions(cy: Core): Map<string, Position> {
  const map = new Map<string, Position>();
  cy.nodes('.node').forEach((n) => void map.set(n.id(), n.position()));
  return map;
}
