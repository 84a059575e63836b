'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';

const load = () => import('./cytoscape-graph');

/** Cytoscape needs the DOM: loaded only in the browser. */
export const TopologyCanvas = dynamic(load, {
  ssr: false,
  loading: () => <Skeleton rows={6} label="Loading the graph renderer" />,
});

/** Starts loading cytoscape while the graph answer is still on its way, rather than after it. */
export function preloadTopologyCanvas(): void {
  void load();
}
