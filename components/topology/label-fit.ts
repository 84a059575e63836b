/**
 * Labels that can be read at the zoom the graph is shown at. Fitted to a
 * 1280x720 screen the demo fleet's graph is drawn at a third to a half of its
 * size, where the stylesheet's 10 px labels are 3-5 px. So while zoomed out
 * labels keep a readable size on screen (they grow in graph units), and where
 * they would then cover one another the less important one is not drawn:
 * selected and unhealthy nodes first, then the busiest. Zooming in brings the
 * rest back. Graphs above FOLLOW_MAX_NODES keep the stylesheet's sizes (a
 * restyle per zoom step costs too much there).
 */
import type { Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { StyleRule } from '@/lib/topology-view/style';
import { declutter, type LabelRect } from './declutter';

/** On-screen font sizes (CSS px) kept while zoomed out; at higher zooms the stylesheet's sizes grow as usual. */
export const LABEL_PX = { node: 12, group: 13, cluster: 13, namespace: 11.5, appBox: 11, edge: 11 } as const;

/** Smallest on-screen size (CSS px) of a node and of its health border, and of an edge's width: a fitted graph's nodes are dots otherwise. */
export const MARK_PX = { node: 12, gateway: 14, border: 2.5, edge: 1.25 } as const;

/** Up to this many nodes (boxes included) labels follow the zoom. */
export const FOLLOW_MAX_NODES = 600;

/** Below this zoom labels stop growing in graph units (and the stylesheet's min-zoomed-font-size hides them). */
const MIN_FOLLOW_ZOOM = 0.12;
/** Zoom is followed in steps of this factor: one restyle per step, not per wheel event. */
const STEP = 1.12;

const STEP_KEY = 'meshglass.labelStep';

type Part = keyof typeof LABEL_PX;
const SELECTORS: Record<Part, string> = {
  node: 'node.node',
  group: 'node.namespaceGroup',
  cluster: 'node.cluster',
  namespace: 'node.namespace',
  appBox: 'node.appBox',
  edge: 'edge',
};

const FOLLOW_KEY = 'meshglass.labelFollow';

/** Whether labels of this instance follow the zoom (decided by syncLabels from the nodes drawn; yes before any). */
export const followsZoom = (cy: Core) => cy.scratch(FOLLOW_KEY) !== false;

/** The zoom step of a zoom: 0 at 1, negative when zoomed out; rounded down, so a step's sizes are never under LABEL_PX on screen. */
export function zoomStep(zoom: number): number {
  return Math.floor(1e-9 + Math.log(Math.max(zoom, MIN_FOLLOW_ZOOM)) / Math.log(STEP));
}

/** The font size of a rule in the base stylesheet, or `dflt`. */
function baseSize(base: readonly StyleRule[], selector: string, dflt: number): number {
  let size = dflt;
  for (const r of base) if (r.selector === selector && typeof r.style['font-size'] === 'number') size = r.style['font-size'];
  return size;
}

/**
 * Rules appended to the base stylesheet for a zoom step: font sizes that are
 * LABEL_PX on screen at that zoom (never smaller than the base ones), boxes
 * sized without their children's labels (else they would grow as one zooms
 * out), and the class that hides a decluttered label. `large` graphs keep
 * their edge labels as the stylesheet has them (hidden until zoomed in).
 */
export function labelRules(base: readonly StyleRule[], step: number, large: boolean): FollowRule[] {
  const zoom = Math.pow(STEP, step);
  const font = (part: Part, dflt: number) => Math.ceil(Math.max(baseSize(base, SELECTORS[part], dflt), LABEL_PX[part] / zoom) * 10) / 10;
  // The same floor for marks: sizes of the stylesheet (style.ts), or MARK_PX on screen when that is more.
  const mark = (model: number, px: number) => Math.ceil(Math.max(model, px / zoom) * 10) / 10;
  const node = mark(22, MARK_PX.node);
  const gateway = mark(26, MARK_PX.gateway);
  const rules: FollowRule[] = [
    { selector: 'node.node', style: { 'font-size': font('node', 10), 'min-zoomed-font-size': 9, width: node, height: node, 'border-width': mark(3, MARK_PX.border) } },
    { selector: 'node.gateway', style: { width: gateway, height: gateway } },
    { selector: 'node.namespaceGroup', style: { 'font-size': font('group', 12), width: 'data(size)', height: 'data(size)', 'border-width': mark(4, MARK_PX.border) } },
    // Box names end in an ellipsis rather than run over the next box's (a cluster box holding only its gateway is narrow).
    { selector: 'node.box', style: { 'compound-sizing-wrt-labels': 'exclude', 'min-zoomed-font-size': 8, 'text-wrap': 'ellipsis', 'text-max-width': (b: NodeSingular) => Math.max(b.outerWidth(), 180 / zoom) } },
    { selector: 'node.cluster', style: { 'font-size': font('cluster', 13) } },
    { selector: 'node.namespace', style: { 'font-size': font('namespace', 11) } },
    { selector: 'node.appBox', style: { 'font-size': font('appBox', 10) } },
  ];
  if (!large) {
    const minWidth = MARK_PX.edge / zoom;
    rules.push({ selector: 'edge', style: { 'font-size': font('edge', 9), 'min-zoomed-font-size': 8, width: (e: EdgeSingular) => Math.max(Number(e.data('width') ?? 1), minWidth) } });
  }
  // Labels moved off their place under the node (declutterLabels), a couple of pixels clear of it.
  const margin = mark(3, LABEL_GAP_PX + 1);
  rules.push(
    { selector: 'node.node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -margin } },
    { selector: 'node.node.label-right', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': margin, 'text-margin-y': 0 } },
    { selector: 'node.node.label-left', style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-x': -margin, 'text-margin-y': 0 } },
    { selector: '.label-off', style: { 'text-opacity': 0 } },
  );
  return rules;
}

/** A style rule whose values may be functions of the element (cytoscape evaluates them per element). */
export interface FollowRule {
  selector: string;
  style: Record<string, StyleRule['style'][string] | ((e: EdgeSingular) => number) | ((n: NodeSingular) => number)>;
}

/** The label rules for this instance now (none when its labels do not follow the zoom). */
export function labelRulesFor(cy: Core, base: readonly StyleRule[], large: boolean): FollowRule[] {
  if (!followsZoom(cy)) return [];
  const step = (cy.scratch(STEP_KEY) as number | undefined) ?? zoomStep(cy.zoom());
  return labelRules(base, step, large);
}

const HEALTH_RANK: Record<string, number> = { failure: 5, degraded: 4, 'not-ready': 3 };

function nodePriority(n: NodeSingular): number {
  const traffic = n.connectedEdges().reduce((a, e) => a + Number(e.data('rps') ?? 0), 0);
  return (n.selected() ? 1e6 : 0) + (HEALTH_RANK[String(n.data('health'))] ?? 0) * 1e4 + (n.hasClass('gateway') ? 500 : 0) + Math.log10(1 + traffic) * 100 + n.degree(false);
}

function edgePriority(e: EdgeSingular): number {
  // Every node label comes before any edge label.
  return -1e7 + (HEALTH_RANK[String(e.data('health'))] ?? 0) * 1e4 + Math.log10(1 + Number(e.data('rps') ?? 0)) * 100;
}

/** Room between labels (and between a label and its node), in screen pixels. */
const LABEL_GAP_PX = 2;

type Box = { x1: number; y1: number; x2: number; y2: number };
/** Where a node's label may go, best first: under the node (the stylesheet's place), above, right, left. */
const PLACES: ReadonlyArray<(body: Box, label: Box, gap: number) => Box> = [
  (b, l, g) => ({ x1: (b.x1 + b.x2 - (l.x2 - l.x1)) / 2, x2: (b.x1 + b.x2 + (l.x2 - l.x1)) / 2, y1: b.y2 + g, y2: b.y2 + g + (l.y2 - l.y1) }),
  (b, l, g) => ({ x1: (b.x1 + b.x2 - (l.x2 - l.x1)) / 2, x2: (b.x1 + b.x2 + (l.x2 - l.x1)) / 2, y1: b.y1 - g - (l.y2 - l.y1), y2: b.y1 - g }),
  (b, l, g) => ({ x1: b.x2 + g, x2: b.x2 + g + (l.x2 - l.x1), y1: (b.y1 + b.y2 - (l.y2 - l.y1)) / 2, y2: (b.y1 + b.y2 + (l.y2 - l.y1)) / 2 }),
  (b, l, g) => ({ x1: b.x1 - g - (l.x2 - l.x1), x2: b.x1 - g, y1: (b.y1 + b.y2 - (l.y2 - l.y1)) / 2, y2: (b.y1 + b.y2 + (l.y2 - l.y1)) / 2 }),
];
/** The class that puts a label at each of PLACES (the first is the stylesheet's own). */
const PLACE_CLASSES = [undefined, 'label-top', 'label-right', 'label-left'] as const;

const LABEL_BB = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false } as const;
const BODY_BB = { includeNodes: true, includeEdges: false, includeLabels: false, includeOverlays: false, includeUnderlays: false } as const;

function rect(el: SingularElementArgument, opts: typeof LABEL_BB | typeof BODY_BB, id: string, priority: number, always: boolean, group?: string): LabelRect | undefined {
  const bb = el.boundingBox(opts as never);
  if (!(bb.w > 0 && bb.h > 0)) return undefined;
  return { id, x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2, priority, always, group };
}

/**
 * Places labels for the current zoom: a node's label under it, else above,
 * right or left of it (classes `label-top` and so on), else not at all
 * (`label-off`) when every place would cover a more important label. Cluster
 * names are always drawn; node bodies are obstacles too, so no label covers
 * another node.
 */
export function declutterLabels(cy: Core, large: boolean): void {
  if (cy.destroyed() || !followsZoom(cy)) return;
  const rects: LabelRect[] = [];
  const gap = LABEL_GAP_PX / cy.zoom();
  cy.nodes().forEach((n) => {
    const box = n.hasClass('box');
    // The grid packs namespace groups closer than their names are tall: those names may cover the group under them.
    const body = box || n.hasClass('namespaceGroup') ? undefined : rect(n, BODY_BB, `body:${n.id()}`, 0, true, n.id());
    if (body) rects.push(body);
    if (!n.data('label')) return;
    // Cluster names are always drawn; a namespace's name gives way only to them and to unhealthy nodes.
    const r = rect(n, LABEL_BB, n.id(), box ? 2e4 : nodePriority(n), n.hasClass('cluster'), n.id());
    if (r && body) rects.push({ ...r, ...PLACES.map((p) => p(body, r, gap))[0]!, alternatives: PLACES.slice(1).map((p) => p(body, r, gap)) });
    else if (r) rects.push(r);
  });
  if (!large) {
    cy.edges().forEach((e) => {
      if (!e.data('label')) return;
      const r = rect(e, LABEL_BB, e.id(), edgePriority(e), false, e.id());
      if (r) rects.push(r);
    });
  }
  const kept = declutter(rects, gap);
  const show = (el: SingularElementArgument, at: number | undefined) => {
    if (el.hasClass('label-off') !== (at === undefined)) el.toggleClass('label-off', at === undefined);
  };
  cy.batch(() => {
    cy.edges().forEach((e) => show(e, kept.get(e.id())));
    cy.nodes().forEach((n) => {
      if (n.hasClass('cluster')) return;
      const at = kept.get(n.id());
      show(n, at);
      if (n.hasClass('box')) return;
      PLACE_CLASSES.forEach((cls, i) => {
        if (cls && n.hasClass(cls) !== (at === i)) n.toggleClass(cls, at === i);
      });
    });
  });
}

/**
 * Brings labels in line with the zoom and the nodes drawn: decides whether
 * they follow the zoom (FOLLOW_MAX_NODES), restyles on a new zoom step
 * (`restyle` reapplies the stylesheet, which reads labelRulesFor) and
 * declutters. Cheap when nothing changed: call it after every fit and change.
 */
export function syncLabels(cy: Core, large: boolean, restyle: () => void, force = false): void {
  if (cy.destroyed()) return;
  const follow = cy.nodes().length <= FOLLOW_MAX_NODES;
  const step = zoomStep(cy.zoom());
  const changed = follow !== followsZoom(cy) || (follow && step !== cy.scratch(STEP_KEY));
  cy.scratch(FOLLOW_KEY, follow);
  cy.scratch(STEP_KEY, step);
  if (changed) restyle();
  if (follow && (changed || force)) declutterLabels(cy, large);
}

/** Keeps labels in line while the user zooms or drags; returns the removal of the listeners. */
export function followZoom(cy: Core, large: boolean, restyle: () => void): () => void {
  let frame = 0;
  const onZoom = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      syncLabels(cy, large, restyle);
    });
  };
  const onMove = () => declutterLabels(cy, large);
  cy.on('zoom', onZoom);
  cy.on('dragfree', 'node', onMove);
  return () => {
    cancelAnimationFrame(frame);
    if (cy.destroyed()) return;
    cy.off('zoom', onZoom);
    cy.off('dragfree', 'node', onMove);
  };
}
