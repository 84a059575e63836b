'use client';

import type { Core } from 'cytoscape';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ViewElements } from '@/lib/topology-view/aggregate';
import type { LabelMode } from '@/lib/topology-view/elements';
import { graphSize } from '@/lib/topology-view/graph-size';
import { parsePositions, serialisePositions } from '@/lib/topology-view/positions';
import { createGraph, fitGraph, nodePositions, showElements, styleFor } from './graph-engine';
import { installProbe } from './graph-probe';

/** What the page can ask of the graph. */
export interface GraphApi {
  png(): string;
  fit(): void;
}

export interface CytoscapeGraphProps {
  elements: ViewElements;
  labelMode: LabelMode;
  layout: 'fcose' | 'elk';
  /** localStorage key of this view's positions (per graph type and layout). */
  storageKey: string;
  /** Draw as a large graph whatever the node count (a graph grouped by namespace: few nodes, dense edges). */
  large?: boolean;
  focus?: string;
  onSelect: (id: string | undefined) => void;
  /** A namespace group was double-clicked: draw its nodes. */
  onExpand?: (namespace: string) => void;
  onReady: (api: GraphApi) => void;
}

// The theme toggle flips a class on <html>; follow it without a React context.
function subscribeDark(fn: () => void) {
  const obs = new MutationObserver(fn);
  obs.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => obs.disconnect();
}
const isDark = () => document.documentElement.classList.contains('dark');

/**
 * Marks the moment a laid-out graph has been painted (two frames after layout or fit), for benchmarks and
 * tests: a `topology:rendered` performance mark and a `data-rendered` count on the canvas box.
 */
function markRendered(box: HTMLElement | null) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark('topology:rendered');
      if (box) box.dataset.rendered = String(Number(box.dataset.rendered ?? 0) + 1);
    }),
  );
}

function savePositions(cy: Core, key: string) {
  try {
    localStorage.setItem(key, serialisePositions(nodePositions(cy)));
  } catch {
    // storage full or disabled: positions just are not kept
  }
}

/** The one cytoscape wrapper: owns the instance, applies element diffs, runs layouts only for unplaced nodes. */
export default function CytoscapeGraph({ elements, labelMode, layout, storageKey, large, focus, onSelect, onExpand, onReady }: CytoscapeGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const selectRef = useRef(onSelect);
  const expandRef = useRef(onExpand);
  const dark = useSyncExternalStore(subscribeDark, isDark, () => false);
  // Cytoscape reads its renderer options only when created: a new instance when the graph changes size class.
  const bucket = large ? 'large' : graphSize(elements.nodes.length);

  useEffect(() => {
    selectRef.current = onSelect;
    expandRef.current = onExpand;
  }, [onSelect, onExpand]);

  useEffect(() => {
    const cy = createGraph(container.current, elements.nodes.length, isDark(), {}, bucket);
    cyRef.current = cy;
    cy.on('tap', 'node.node', (e) => selectRef.current(e.target.id()));
    cy.on('dbltap', 'node.namespaceGroup', (e) => expandRef.current?.(String(e.target.data('namespace'))));
    cy.on('tap', (e) => {
      if (e.target === cy) selectRef.current(undefined);
    });
    // The canvas must follow its box (window resizes, the side panel opening).
    const resize = new ResizeObserver(() => cy.resize());
    if (container.current) resize.observe(container.current);
    const removeProbe = installProbe(cy);
    onReady({ png: () => cy.png({ full: true, scale: 2, bg: isDark() ? '#0f172a' : '#ffffff' }), fit: () => fitGraph(cy) });
    return () => {
      resize.disconnect();
      removeProbe();
      cy.destroy();
      cyRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one instance per size bucket; onReady is read once per instance
  }, [bucket]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy) cy.style(styleFor(cy, dark) as never);
  }, [dark]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    performance.mark('topology:elements');
    const stored = parsePositions(localStorage.getItem(storageKey));
    showElements(cy, { elements, labelMode, layout, stored }, (laidOut) => {
      // elk finishes asynchronously: the instance may be gone by then.
      if (cy.destroyed()) return;
      if (laidOut) savePositions(cy, storageKey);
      if (!cy.scratch('fitted')) fitGraph(cy);
      cy.scratch('fitted', true);
      markRendered(container.current);
    });
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

  return <div ref={container} className="relative h-full w-full" data-testid="topology-canvas" role="img" aria-label="Traffic graph; use the node list or search to reach nodes by keyboard" />;
}
