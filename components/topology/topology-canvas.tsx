'use client';

import dynamic from 'next/dynamic';
import { Skeleton } from '@/components/ui/skeleton';

/** Cytoscape needs the DOM: loaded only in the browser. */
export const TopologyCanvas = dynamic(() => import('./cytoscape-graph'), {
  ssr: false,
  loading: () => <Skeleton rows={6} label="Loading the graph renderer" />,
});
