'use client';

import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import elk from 'cytoscape-elk';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Topology } from '@/lib/api/topology';
import { toCyElements, unplacedNodes, type LabelMode, type Position } from '@/lib/topology-view/elements';
import { layoutOptions } from '@/lib/topology-view/layout';
import { parsePositions, serialisePositions } from '@/lib/topology-view/positions';
import { rendererOptions, topologyStyle } from '@/lib/topology-view/style';

/** What the page can ask of the graph. */
export interface GraphApi {
  png(): string;
  fit(): void;
}

export interface CytoscapeGraphProps {
  elements: Topology['elements'];
  labelMode: LabelMode;
  layout: 'fcose' | 'elk';
  /** localStorage key of this view's positions (per graph type and layout). */
  storageKey: string;
  focus?: string;
  onSelect: (id: string | undefined) => void;
  onReady: (api: GraphApi) => void;
}

let registered = false;
function register() {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(elk);
  registered = true;
}

// The theme toggle flips a class on <html>; follow it without a React context.
function subscribeDark(fn: () => void) {
  const obs = new MutationObserver(fn);
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => obs.disconnect();
}
const isDark = () => document.documentElement.classList.contains('dark');

// Cytoscape reads its renderer options only when created: the instance is rebuilt when the
// graph crosses one of these sizes, so a large graph gets the cheap settings (stored positions keep the picture).
const sizeBucket = (nodes: number) => (nodes > 1000 ? 1001 : nodes > 300 ? 301 : 0);

function savePositions(cy: Core, key: string) {
  const map = new Map<string, Position>();
  cy.nodes('.node').forEach((n) => void map.set(n.id(), n.position()));
  try {
    localStorage.setItem(key, serialisePositions(map));
  } catch {
    // storage full or disabled: positions just are not kept
  }
}

/** The one cytoscape wrapper: owns the instance, applies element diffs, runs layouts only for unplaced nodes. */
export default function CytoscapeGraph({ elements, labelMode, layout, storageKey, focus, onSelect, onReady }: CytoscapeGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const selectRef = useRef(onSelect);
  const dark = useSyncExternalStore(subscribeDark, isDark, () => false);
  const bucket = sizeBucket(elements.nodes.length);

  useEffect(() => {
    selectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    register();
    const cy = cytoscape({ container: container.current, style: topologyStyle(isDark()) as never, ...rendererOptions(bucket) });
    cyRef.current = cy;
    cy.on('tap', 'node.node', (e) => selectRef.current(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) selectRef.current(undefined);
    });
    // The canvas must follow its box (window resizes, the side panel opening).
    const resize = new ResizeObserver(() => cy.resize());
    if (container.current) resize.observe(container.current);
    onReady({ png: () => cy.png({ full: true, scale: 2, bg: isDark() ? '#0f172a' : '#ffffff' }), fit: () => cy.fit(undefined, 30) });
    return () => {
      resize.disconnect();
      cy.destroy();
      cyRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one instance per size bucket; onReady is read once per instance
  }, [bucket]);

  useEffect(() => {
    cyRef.current?.style(topologyStyle(dark) as never);
  }, [dark]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const stored = parsePositions(localStorage.getItem(storageKey));
    // Nodes already on screen keep where they are; new ones take a stored position when there is one.
    cy.nodes('.node').forEach((n) => void stored.set(n.id(), n.position()));
    const next = toCyElements(elements, labelMode, stored);
    const ids = new Set(next.map((e) => e.data.id));
    cy.batch(() => {
      cy.elements().filter((e) => !ids.has(e.id())).remove();
      const added: ElementDefinition[] = [];
      for (const el of next) {
        const have = cy.getElementById(el.data.id);
        if (have.nonempty()) {
          have.data(el.data);
          have.classes(el.classes ?? '');
        } else {
          added.push(el as ElementDefinition);
        }
      }
      // One add for all new elements: thousands of single adds cost seconds at 5,000 nodes.
      if (added.length) cy.add(added);
    });
    const unplaced = unplacedNodes(next);
    const nodeCount = unplaced.length + (next.length - unplaced.length);
    if (unplaced.length === 0) {
      if (!cy.scratch('fitted')) cy.fit(undefined, 30);
      cy.scratch('fitted', true);
      return;
    }
    const some = unplaced.length < cy.nodes('.node').length;
    const placed = cy.nodes('.node').filter((n) => !unplaced.includes(n.id()));
    if (some) placed.lock();
    const run = cy.layout(layoutOptions(layout, nodeCount, some) as never);
    run.one('layoutstop', () => {
      placed.unlock();
      savePositions(cy, storageKey);
      cy.scratch('fitted', true);
    });
    run.run();
  }, [elements, labelMode, layout, storageKey, bucket]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const onDrag = () => savePositions(cy, storageKey);
    cy.on('dragfree', 'node', onDrag);
    return () => void cy.off('dragfree', 'node', onDrag);
  }, [storageKey, bucket]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.$(':selected').unselect();
    if (!focus) return;
    const node = cy.getElementById(focus);
    if (node.empty()) return;
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
  }, [focus, elements, bucket]);

  return <div ref={container} className="h-full w-full" data-testid="topology-canvas" role="img" aria-label="Traffic graph; use the node list or search to reach nodes by keyboard" />;
}
